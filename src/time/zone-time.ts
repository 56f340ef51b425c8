import type { EpochMs } from '../core/index.js';
import type { ZoneOffsets } from './zone-offsets.js';
import { isoDateOf, wallFields, wallMs, type WallFields } from './zone-wall.js';

/*
 * Local wall time ↔ UTC in an IANA zone, giving exactly what luxon gives for the same question
 * (the steps below mirror luxon 3's `fixOffset`, `DateTime#plus`, `#startOf` and `#minus`), at a
 * fraction of the cost: offsets come from ZoneOffsets' cached stretches instead of `Intl` calls.
 */

const MINUTE_MS = 60 * 1000;
const DAY_MS = 86_400_000;

/**
 * Returns the instant whose wall clock in `zone` reads `local` (wall-clock fields as if UTC), trying
 * the offset `guess` first and correcting it once (luxon's `fixOffset`). A wall time skipped by a
 * forward change resolves past the change, as luxon does; a repeated one resolves by the guess.
 */
export function resolveWall(zone: ZoneOffsets, local: number, guess: number): EpochMs {
  let utc = local - guess * MINUTE_MS;
  const second = zone.offsetAt(utc);
  if (guess === second) return utc;
  utc -= (second - guess) * MINUTE_MS;
  const third = zone.offsetAt(utc);
  if (second === third) return utc;
  return local - Math.min(second, third) * MINUTE_MS;
}

/**
 * Returns the instant of a local wall time in `zone` (NaN when out of range). Two passes: the guess
 * is the offset a day before the wall time read as UTC (so before any change near the answer),
 * corrected once if the offset differs there. Equals luxon's `DateTime.fromObject(…, { zone })`
 * for every wall time that occurs exactly once and for skipped ones (resolved past the change);
 * a repeated wall time resolves to its first occurrence (luxon's answer there depends on today's date).
 */
export function localToUtc(
  zone: ZoneOffsets, year: number, month: number, day: number, hour: number, minute: number, second = 0, millisecond = 0,
): EpochMs {
  const local = wallMs(year, month, day, hour, minute, second, millisecond);
  return resolveWall(zone, local, zone.offsetAt(local - DAY_MS));
}

/** Returns the wall-clock fields of `t` in `zone` (NaN fields when `t` or its local time is no `Date`). */
export function localFields(zone: ZoneOffsets, t: EpochMs): WallFields {
  return wallFields(t, zone.offsetAt(t));
}

/**
 * Returns the local calendar date `YYYY-MM-DD` of `t` in `zone` (luxon's `toISODate`), or
 * `undefined` when `t` is not a finite instant within `Date`'s range.
 */
export function localDate(zone: ZoneOffsets, t: EpochMs): string | undefined {
  if (!(Math.abs(t) <= 8.64e15)) return undefined;
  const fields = localFields(zone, t);
  return Number.isNaN(fields.year) ? undefined : isoDateOf(fields);
}

/**
 * Returns the last millisecond of `t`'s local calendar day in `zone`, exactly as luxon's
 * `DateTime.fromMillis(t, { zone }).endOf('day')` computes it: one local day later, back to that
 * day's midnight, minus 1 ms. NaN when `t` is out of range.
 */
export function localDayEnd(zone: ZoneOffsets, t: EpochMs): EpochMs {
  if (!(Math.abs(t) <= 8.64e15)) return Number.NaN;
  // plus({ days: 1 }): the same wall time a day later, starting from t's offset.
  const start = localFields(zone, t);
  const nextDay = resolveWall(zone, wallAt(start, start.day + 1, false), zone.offsetAt(t));
  // startOf('day'): midnight of that day, starting from its offset.
  const next = localFields(zone, nextDay);
  const midnight = resolveWall(zone, wallAt(next, next.day, true), zone.offsetAt(nextDay));
  // minus(1): the wall time of midnight, resolved again from its own offset, less 1 ms.
  const end = localFields(zone, midnight);
  const result = resolveWall(zone, wallAt(end, end.day, false), zone.offsetAt(midnight)) - 1;
  return Number.isNaN(start.year) || Number.isNaN(next.year) || Number.isNaN(end.year) ? Number.NaN : result;
}

/** Returns the fields on `day` (time kept, or midnight) read as UTC. */
function wallAt(f: WallFields, day: number, midnight: boolean): number {
  return midnight
    ? wallMs(f.year, f.month, day, 0, 0, 0, 0)
    : wallMs(f.year, f.month, day, f.hour, f.minute, f.second, f.millisecond);
}
