import type { EpochMs } from '../core/index.js';
import { isCalendarDate } from './calendar-date.js';
import { rowError } from './row-error.js';

// Hand-rolled rather than luxon: this runs once per row and must not depend on the host's zone.
const ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

function offsetMinutes(zone: string): number {
  if (zone === 'Z' || zone === 'z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2)) : 0;
  return hours > 23 || minutes > 59 ? Number.NaN : sign * (hours * 60 + minutes);
}

/**
 * Returns the epoch ms of an ISO 8601 date-time that carries `Z` or an offset
 * (`2024-01-02T14:30:00Z`, `2024-01-02T09:30:00-05:00`). Throws `DATA_ERR_INVALID_ROW`
 * (`<file>:<line>: …`) when it is malformed or has no zone. Digits past milliseconds are dropped.
 */
export function parseIsoTimestamp(text: string, file: string, line: number): EpochMs {
  const m = ISO.exec(text);
  const bad = (): Error =>
    rowError(file, line, `bad timestamp "${text}", expected ISO 8601 such as 2024-01-02T09:30:00-05:00`);
  if (m === null) throw bad();
  const zone = m[8];
  if (zone === undefined) throw rowError(file, line, `missing time zone in timestamp "${text}" (add Z or an offset)`);
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = Number(m[6] ?? '0');
  const ms = Number((m[7] ?? '').padEnd(3, '0').slice(0, 3));
  const offset = offsetMinutes(zone);
  if (!isCalendarDate(year, month, day) || hour > 23 || minute > 59 || second > 59 || Number.isNaN(offset)) throw bad();
  return Date.UTC(year, month - 1, day, hour, minute, second, ms) - offset * 60_000;
}
