import { createReadStream, type ReadStream } from 'node:fs';
import { readCsvRecordsSlow, translateCsvError } from './csv-records.js';

/** Consecutive CSV records of one file: `records[i]` ends on physical line `lines[i]`. */
export interface CsvBatch {
  readonly records: readonly (readonly string[])[];
  readonly lines: readonly number[];
}

const CHUNK_BYTES = 1 << 20;
const SLOW_BATCH = 4096;
const CR = 13;

/** Line-ending state of the fast splitter: undecided until the first `\n`. */
const Ending = { UNKNOWN: 0, LF: 1, CRLF: 2 } as const;
type Ending = (typeof Ending)[keyof typeof Ending];

/** Signal from a hand-written splitter: the text needs the full CSV parser (quotes, lone `\r`, mixed line endings). */
export class NeedsFullParser {}

interface SplitState {
  ending: Ending;
  line: number;
}

/**
 * Splits the complete lines of `text` into records (appended to `out`); returns the index where
 * the unfinished last line starts. Throws `NeedsFullParser` when a line is not plain.
 */
function splitLines(text: string, state: SplitState, out: { records: string[][]; lines: number[] }): number {
  let start = 0;
  let lfHasCr: boolean | undefined;
  for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
    if (state.ending === Ending.UNKNOWN) state.ending = nl > 0 && text.charCodeAt(nl - 1) === CR ? Ending.CRLF : Ending.LF;
    let end = nl;
    if (state.ending === Ending.CRLF) {
      // The next `\r` must be this line's own; searching from `start` stops there, so this is O(line).
      if (text.indexOf('\r', start) !== nl - 1) throw new NeedsFullParser();
      end = nl - 1;
    } else if (lfHasCr ??= text.includes('\r')) {
      throw new NeedsFullParser();
    }
    state.line += 1;
    if (end > start) {
      out.records.push(text.slice(start, end).split(','));
      out.lines.push(state.line);
    }
    start = nl + 1;
  }
  return start;
}

/** Returns the records of a final line without a line break, or none. */
function lastLine(rest: string, state: SplitState): CsvBatch | undefined {
  if (rest === '') return undefined;
  if (rest.includes('\r')) throw new NeedsFullParser();
  return { records: [rest.split(',')], lines: [state.line + 1] };
}

/**
 * Returns csv-parse's records of the file after physical line `afterLine`, in batches: where the
 * hand-written splitters hand over when the text stops being plain.
 */
export async function* fullParserAfter(path: string, afterLine: number): AsyncGenerator<CsvBatch> {
  let records: (readonly string[])[] = [];
  let lines: number[] = [];
  for await (const { record, info } of readCsvRecordsSlow(path)) {
    if (info.lines <= afterLine) continue;
    records.push(record);
    lines.push(info.lines);
    if (records.length === SLOW_BATCH) {
      yield { records, lines };
      records = [];
      lines = [];
    }
  }
  if (records.length > 0) yield { records, lines };
}

/**
 * Returns the file's CSV records in batches, streaming (one chunk of about 1 MB in memory). Plain
 * files (no quotes; `\n` or `\r\n` line ends used consistently) are split by hand, many times faster
 * than csv-parse; from the first chunk that is not plain on, the records come from csv-parse (same
 * records, same line numbers, same errors). Blank lines are skipped and column counts left to the
 * caller, as in `readCsvRecords`.
 */
export function readCsvBatches(path: string): AsyncGenerator<CsvBatch> {
  const open = (): ReadStream => createReadStream(path, { encoding: 'utf8', highWaterMark: CHUNK_BYTES });
  return withFullParserFallback(path, open, async function* (stream, progress) {
    const state: SplitState = { ending: Ending.UNKNOWN, line: 0 };
    let carry = '';
    let first = true;
    for await (const chunk of stream as AsyncIterable<string>) {
      let text = carry + chunk;
      if (first && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
      if (text.includes('"')) throw new NeedsFullParser();
      const out = { records: [] as string[][], lines: [] as number[] };
      carry = text.slice(splitLines(text, state, out));
      if (out.records.length > 0) yield out;
      progress.yieldedUpTo = state.line;
    }
    const tail = lastLine(carry, state);
    if (tail !== undefined) yield tail;
  });
}

/** How far a hand-written splitter got: the last physical line of the batches it handed out. */
export interface SplitProgress {
  yieldedUpTo: number;
}

/**
 * Runs a hand-written splitter (`plain`) over a stream `open` makes when reading starts (not
 * before: an unread stream's error would have no listener). When it throws {@link NeedsFullParser},
 * the records from the line after the last one it handed out come from csv-parse instead (same
 * records, line numbers and errors); any other error becomes the reader's error naming `path`.
 * The stream is closed however the reading ends.
 */
export async function* withFullParserFallback<T>(
  path: string, open: () => ReadStream, plain: (stream: ReadStream, progress: SplitProgress) => AsyncGenerator<T>,
): AsyncGenerator<T | CsvBatch> {
  const progress: SplitProgress = { yieldedUpTo: 0 };
  const stream = open();
  try {
    yield* plain(stream, progress);
  } catch (error) {
    if (!(error instanceof NeedsFullParser)) throw translateCsvError(path, error);
    stream.destroy();
    yield* fullParserAfter(path, progress.yieldedUpTo);
  } finally {
    stream.destroy();
  }
}
