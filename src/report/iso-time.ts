import { DateTime } from 'luxon';
import { RunnerError, type EpochMs } from '../core/index.js';

/**
 * Returns the local calendar date (`YYYY-MM-DD`) of `ts` in `timeZone`. Throws
 * `REPORT_ERR_INVALID_TIMEZONE` when the zone is not a valid IANA name.
 */
export function isoDateIn(ts: EpochMs, timeZone: string): string {
  const local = DateTime.fromMillis(ts, { zone: timeZone });
  const date = local.isValid ? local.toISODate() : null;
  if (date === null) {
    throw new RunnerError('REPORT_ERR_INVALID_TIMEZONE', `timeZone: cannot place ${ts} in zone "${timeZone}"`);
  }
  return date;
}

/** Returns the last millisecond of the local calendar day of `ts` in `timeZone`. */
export function endOfDayIn(ts: EpochMs, timeZone: string): EpochMs {
  return DateTime.fromMillis(ts, { zone: timeZone }).endOf('day').toMillis();
}

/** Returns `ts` as an ISO 8601 UTC timestamp with milliseconds, e.g. `2024-01-02T14:30:00.000Z`. */
export function isoUtc(ts: EpochMs): string {
  const d = new Date(ts);
  if (!Number.isFinite(d.getTime()) || d.getUTCFullYear() > 9999 || d.getUTCFullYear() < 0) {
    throw new RunnerError('REPORT_ERR_INVALID_TIME', `timestamp out of range: ${ts}`);
  }
  return d.toISOString();
}
