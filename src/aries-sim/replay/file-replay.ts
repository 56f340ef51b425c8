import { mergeBars, openBarFile, validateBarSource } from '../../data/index.js';
import type { OpenBarFileOptions } from '../../data/index.js';
import { NyseCalendar } from '../../time/index.js';
import { createReplayFeed } from './replay-feed.js';
import type { ReplayFeed, ReplayFeedOptions } from './replay-types.js';

/** One bar file to replay: a path, or the reader's options without the session lookup. */
export type ReplayFile = string | Omit<OpenBarFileOptions, 'sessionOf'>;

/** What {@link openReplayFeed} needs. */
export interface FileReplayOptions extends Omit<ReplayFeedOptions, 'bars'> {
  readonly files: readonly ReplayFile[];
}

/**
 * Returns a replay feed over bar files merged by close time. Every file is opened and validated
 * in full first, so a bad row fails here (`DATA_ERR_INVALID_ROW` naming file:line), not mid-replay.
 * Yahoo daily rows get their session times from the feed's calendar (NYSE by default).
 */
export async function openReplayFeed(options: FileReplayOptions): Promise<ReplayFeed> {
  const calendar = options.calendar ?? new NyseCalendar();
  const sessionOf = (date: string): { open: number; close: number } | undefined => calendar.session(date);
  const sources = [];
  for (const file of options.files) {
    const fileOptions = typeof file === 'string' ? { path: file } : file;
    const source = await openBarFile({ ...fileOptions, sessionOf });
    await validateBarSource(source);
    sources.push(source);
  }
  return createReplayFeed({ ...options, calendar, bars: mergeBars(sources.map((s) => s.bars())) });
}
