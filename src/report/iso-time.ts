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

/** Returns `ts` as an ISO 8601 UTC timestamp with milliseconds, e.g. `2024-01-02T14:30:00.000Z`. */
export function isoUtc(ts: EpochMs): string {
  const text = DateTime.fromMillis(ts, { zone: 'utc' }).toISO();
  if (text === null) throw new RunnerError('REPORT_ERR_INVALID_TIME', `timestamp out of range: ${ts}`);
  return text;
}
