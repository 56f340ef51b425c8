import { fromEpochDay } from './civil-date.js';

/** Wall-clock fields of a local time: `month` 1–12; NaN throughout when the instant is no `Date`. */
export interface WallFields {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly millisecond: number;
}

/**
 * Returns the wall-clock fields read as a UTC instant, as luxon's `objToLocalTS` does: `Date.UTC`
 * rolls over out-of-range fields (day 32 is the 1st of the next month) and years 0–99 stay as given.
 */
export function wallMs(
  year: number, month: number, day: number, hour: number, minute: number, second: number, millisecond: number,
): number {
  const ms = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
  if (year < 100 && year >= 0) {
    const d = new Date(ms);
    d.setUTCFullYear(year, month - 1, day);
    return d.getTime();
  }
  return ms;
}

const DAY_MS = 86_400_000;
const NO_FIELDS: WallFields = Object.freeze({
  year: Number.NaN, month: Number.NaN, day: Number.NaN, hour: Number.NaN, minute: Number.NaN, second: Number.NaN,
  millisecond: Number.NaN,
});

/**
 * Returns the wall-clock fields of `t` at `offset` minutes from UTC, as luxon's `tsToObj` reads them
 * from `new Date(t + offset * 60 * 1000)` (truncated to a whole ms, NaN fields outside `Date`'s range).
 */
export function wallFields(t: number, offset: number): WallFields {
  const ms = Math.trunc(t + offset * 60 * 1000);
  if (!(Math.abs(ms) <= 8.64e15)) return NO_FIELDS;
  const epochDay = Math.floor(ms / DAY_MS);
  const date = fromEpochDay(epochDay);
  const inDay = ms - epochDay * DAY_MS;
  return {
    year: date.year,
    month: date.month,
    day: date.day,
    hour: Math.floor(inDay / 3_600_000),
    minute: Math.floor(inDay / 60_000) % 60,
    second: Math.floor(inDay / 1000) % 60,
    millisecond: inDay % 1000,
  };
}

/** Returns `n` zero-padded to `width` digits, a minus sign before negatives (luxon's `padStart`). */
function pad(n: number, width: number): string {
  return n < 0 ? `-${String(-n).padStart(width, '0')}` : String(n).padStart(width, '0');
}

/** Returns the fields' date as ISO 8601 `YYYY-MM-DD` (`+YYYYYY`/`-YYYYYY` outside years 0–9999). */
export function isoDateOf(f: WallFields): string {
  const long = f.year > 9999 || f.year < 0;
  return `${long && f.year >= 0 ? '+' : ''}${pad(f.year, long ? 6 : 4)}-${pad(f.month, 2)}-${pad(f.day, 2)}`;
}
