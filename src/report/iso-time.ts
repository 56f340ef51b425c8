import { RunnerError, type EpochMs } from '../core/index.js';
import { localDate, localDayEnd, ZoneOffsets } from '../time/index.js';

/**
 * Returns the local calendar date (`YYYY-MM-DD`) of `ts` in `timeZone`. Throws
 * `REPORT_ERR_INVALID_TIMEZONE` when the zone is not a valid IANA name or `ts` is out of range.
 */
export function isoDateIn(ts: EpochMs, timeZone: string): string {
  const zone = ZoneOffsets.of(timeZone);
  const date = zone === undefined ? undefined : localDate(zone, ts);
  if (date === undefined) {
    throw new RunnerError('REPORT_ERR_INVALID_TIMEZONE', `timeZone: cannot place ${ts} in zone "${timeZone}"`);
  }
  return date;
}

/**
 * Returns the last millisecond of the local calendar day of `ts` in `timeZone`, or NaN when the
 * zone is not a valid IANA name or `ts` is out of range.
 */
export function endOfDayIn(ts: EpochMs, timeZone: string): EpochMs {
  const zone = ZoneOffsets.of(timeZone);
  return zone === undefined ? Number.NaN : localDayEnd(zone, ts);
}

/** Returns `ts` as an ISO 8601 UTC timestamp with milliseconds, e.g. `2024-01-02T14:30:00.000Z`. */
export function isoUtc(ts: EpochMs): string {
  const d = new Date(ts);
  if (!Number.isFinite(d.getTime()) || d.getUTCFullYear() > 9999 || d.getUTCFullYear() < 0) {
    throw new RunnerError('REPORT_ERR_INVALID_TIME', `timestamp out of range: ${ts}`);
  }
  return d.toISOString();
}
