import { RunnerError } from '../core/index.js';
import { addDays, formatIsoDate, isWeekend, type CivilDate } from './civil-date.js';
import { nyseEarlyCloses } from './nyse-early-closes.js';
import { nyseClosures } from './nyse-holidays.js';
import type { Closure, Session } from './trading-calendar.js';
import { ZoneOffsets } from './zone-offsets.js';
import { localToUtc } from './zone-time.js';

/** One year of NYSE sessions, precomputed so lookups need no date library calls. */
export interface NyseYear {
  readonly year: number;
  /** The year's sessions in time order. */
  readonly sessions: readonly Session[];
  readonly sessionsByDate: ReadonlyMap<string, Session>;
  /** The year's weekday closures in date order. */
  readonly closures: readonly Closure[];
}

const OPEN = { hour: 9, minute: 30 } as const;
const CLOSE = { hour: 16, minute: 0 } as const;

function localMs(date: CivilDate, time: { readonly hour: number; readonly minute: number }, zone: ZoneOffsets): number {
  // The exchange zone's offset on that day applies, so DST changes are handled.
  return localToUtc(zone, date.year, date.month, date.day, time.hour, time.minute);
}

/** Returns the NYSE sessions and closures of the year, with session times in `zone`. */
export function buildNyseYear(year: number, zoneName: string): NyseYear {
  const zone = ZoneOffsets.of(zoneName);
  if (zone === undefined) throw new RunnerError('CALENDAR_ERR_ZONE', `zone: "${zoneName}" is not an IANA time zone`);
  const closures = Object.freeze(nyseClosures(year).map((c) => Object.freeze(c)));
  const closed = new Set(closures.map((c) => c.date));
  const earlyCloses = nyseEarlyCloses(year);
  const sessions: Session[] = [];
  const sessionsByDate = new Map<string, Session>();
  for (let date: CivilDate = { year, month: 1, day: 1 }; date.year === year; date = addDays(date, 1)) {
    const iso = formatIsoDate(date);
    if (isWeekend(date) || closed.has(iso)) continue;
    const early = earlyCloses.get(iso);
    const session: Session = Object.freeze({
      date: iso,
      open: localMs(date, OPEN, zone),
      close: localMs(date, early ?? CLOSE, zone),
      earlyClose: early !== undefined,
    });
    sessions.push(session);
    sessionsByDate.set(iso, session);
  }
  return { year, sessions: Object.freeze(sessions), sessionsByDate, closures };
}
