import type { EpochMs } from '../core/index.js';
import { isCalendarDate } from './calendar-date.js';
import { rowError } from './row-error.js';

// Hand-rolled rather than luxon: this runs once per row and must not depend on the host's zone.
const ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const ZERO = 48;

function offsetMinutes(zone: string): number {
  if (zone === 'Z' || zone === 'z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2)) : 0;
  return hours > 23 || minutes > 59 ? Number.NaN : sign * (hours * 60 + minutes);
}

/** Returns the 2 or 4 decimal digits at `at` as a number, or -1 if one is not a digit. */
function digits(text: string, at: number, count: number): number {
  let value = 0;
  for (let i = at; i < at + count; i += 1) {
    const d = text.charCodeAt(i) - ZERO;
    if (!(d >= 0 && d <= 9)) return -1;
    value = value * 10 + d;
  }
  return value;
}

/** Returns the zone offset in minutes of `Z`, `+HH:MM` or `-HH:MM` at `at` (ending the text), else NaN. */
function fastZone(text: string, at: number): number {
  const rest = text.length - at;
  const c = text.charCodeAt(at);
  if (rest === 1 && (c === 90 || c === 122)) return 0;
  if (rest !== 6 || (c !== 43 && c !== 45) || text.charCodeAt(at + 3) !== 58) return Number.NaN;
  const h = digits(text, at + 1, 2);
  const m = digits(text, at + 4, 2);
  if (h < 0 || m < 0 || h > 23 || m > 59) return Number.NaN;
  return (c === 45 ? -1 : 1) * (h * 60 + m);
}

/**
 * Returns the epoch ms of the common exact forms `YYYY-MM-DDTHH:MM:SS[.sss](Z|±HH:MM)` when the
 * text is one and valid, else `undefined` (the regex path then decides and words any error).
 */
function fastIso(text: string): number | undefined {
  const n = text.length;
  if (n < 20 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || text.charCodeAt(10) !== 84) return undefined;
  if (text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58) return undefined;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  const second = digits(text, 17, 2);
  let zoneAt = 19;
  let ms = 0;
  if (text.charCodeAt(19) === 46) {
    ms = digits(text, 20, 3);
    zoneAt = 23;
  }
  const offset = fastZone(text, zoneAt);
  if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0 || ms < 0 || Number.isNaN(offset)) return undefined;
  if (!isCalendarDate(year, month, day) || hour > 23 || minute > 59 || second > 59) return undefined;
  return Date.UTC(year, month - 1, day, hour, minute, second, ms) - offset * 60_000;
}

function badTimestamp(text: string, file: string, line: number): Error {
  return rowError(file, line, `bad timestamp "${text}", expected ISO 8601 such as 2024-01-02T09:30:00-05:00`);
}

/**
 * Returns the epoch ms of an ISO 8601 date-time that carries `Z` or an offset
 * (`2024-01-02T14:30:00Z`, `2024-01-02T09:30:00-05:00`). Throws `DATA_ERR_INVALID_ROW`
 * (`<file>:<line>: …`) when it is malformed or has no zone. Digits past milliseconds are dropped.
 */
export function parseIsoTimestamp(text: string, file: string, line: number): EpochMs {
  const fast = fastIso(text);
  if (fast !== undefined) return fast;
  const m = ISO.exec(text);
  if (m === null) throw badTimestamp(text, file, line);
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
  if (!isCalendarDate(year, month, day) || hour > 23 || minute > 59 || second > 59 || Number.isNaN(offset)) throw badTimestamp(text, file, line);
  return Date.UTC(year, month - 1, day, hour, minute, second, ms) - offset * 60_000;
}
