import { isCalendarDate } from './calendar-date.js';

// Byte-level field parsers for the CSV fast path: they read ASCII straight from the file's bytes,
// so no string is made per field. Each returns NaN for anything it does not fully understand;
// the caller then hands the whole row to the string parsers, which decide and word any error.

/** Where the last field parse stopped: one shared object, so the parsers can return plain numbers. */
export interface FieldEnd {
  pos: number;
}

const ZERO = 48;
const DOT = 46;
const DASH = 45;
const PLUS = 43;
const COLON = 58;
const LOWER_T = 116;
const LOWER_Z = 122;
/** `| 0x20` folds an ASCII letter to lower case. */
const CASE = 0x20;
const MAX_MANTISSA = Number.MAX_SAFE_INTEGER;
/** Powers of ten up to 1e22: all exact doubles (5^22 < 2^53). */
const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);
const DAY_MS = 86_400_000;

/**
 * Returns the value of plain `digits[.digits]` (or `.digits`) text starting at `s`, stopping at the
 * first other byte or `end` (`at.pos` is set there). The digits form an integer mantissa; when it is
 * below 2^53 and there are at most 22 decimals, mantissa and power of ten are exact doubles, so the
 * one division is correctly rounded and equals `Number(text)`. Returns NaN otherwise (no digits,
 * too many digits or decimals).
 */
export function decimalAt(b: Uint8Array, s: number, end: number, at: FieldEnd): number {
  let mantissa = 0;
  let dot = -1;
  let i = s;
  for (; i < end; i += 1) {
    const d = (b[i] ?? 0) - ZERO;
    if (d >= 0 && d <= 9) mantissa = mantissa * 10 + d;
    else if (d === DOT - ZERO && dot < 0) dot = i;
    else break;
  }
  at.pos = i;
  const scale = dot < 0 ? 0 : i - dot - 1;
  if (i - s - (dot < 0 ? 0 : 1) === 0 || mantissa > MAX_MANTISSA || scale > 22) return Number.NaN;
  return scale === 0 ? mantissa : mantissa / (POW10[scale] ?? Number.NaN);
}

/** Returns the two decimal digits at `i` (both before `end`) as a number, else -1. */
function two(b: Uint8Array, i: number, end: number): number {
  if (i + 2 > end) return -1;
  const h = (b[i] ?? 0) - ZERO;
  const l = (b[i + 1] ?? 0) - ZERO;
  return h >= 0 && h <= 9 && l >= 0 && l <= 9 ? h * 10 + l : -1;
}

/** Returns the days from 1970-01-01 to a proleptic Gregorian date (year ≥ 0), exactly as `Date.UTC` counts them. */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  return era * 146_097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719_468;
}

/**
 * Returns the day number (days since 1970-01-01) of a real date written `YYYY-MM-DD` at `s`
 * (year ≥ 1900, as `isCalendarDate` wants), with `at.pos` just after it; NaN otherwise.
 */
export function ymdAt(b: Uint8Array, s: number, end: number, at: FieldEnd): number {
  at.pos = s + 10;
  if (s + 10 > end || b[s + 4] !== DASH || b[s + 7] !== DASH) return Number.NaN;
  const hi = two(b, s, end);
  const lo = two(b, s + 2, end);
  const month = two(b, s + 5, end);
  const day = two(b, s + 8, end);
  if (hi < 0 || lo < 0 || month < 0 || day < 0 || !isCalendarDate(hi * 100 + lo, month, day)) return Number.NaN;
  return daysFromCivil(hi * 100 + lo, month, day);
}

/** Returns the zone offset in minutes at `i` (`Z`, `±HH`, `±HHMM`, `±HH:MM`), with `at.pos` after it; NaN otherwise. */
function zoneAt(b: Uint8Array, i: number, end: number, at: FieldEnd): number {
  const c = b[i] ?? 0;
  if (i < end && (c | CASE) === LOWER_Z) {
    at.pos = i + 1;
    return 0;
  }
  if (c !== PLUS && c !== DASH) return Number.NaN;
  const hours = two(b, i + 1, end);
  let next = i + 3;
  let minutes = 0;
  if (b[next] === COLON && next < end) {
    minutes = two(b, next + 1, end);
    next += 3;
  } else if (two(b, next, end) >= 0) {
    minutes = two(b, next, end);
    next += 2;
  }
  at.pos = next;
  if (hours < 0 || minutes < 0 || hours > 23 || minutes > 59) return Number.NaN;
  return (c === DASH ? -1 : 1) * (hours * 60 + minutes);
}

/** Returns the milliseconds of a `.d{1,9}` fraction at `i` (digits past ms dropped), with `at.pos` after it; NaN otherwise. */
function fractionAt(b: Uint8Array, i: number, end: number, at: FieldEnd): number {
  let ms = 0;
  let k = 0;
  let j = i + 1;
  for (; j < end; j += 1) {
    const d = (b[j] ?? 0) - ZERO;
    if (!(d >= 0 && d <= 9)) break;
    if (k < 3) ms = ms * 10 + d;
    k += 1;
  }
  at.pos = j;
  if (k === 0 || k > 9) return Number.NaN;
  return k >= 3 ? ms : ms * (k === 1 ? 100 : 10);
}

/**
 * Returns the epoch ms of an ISO 8601 date-time with a zone starting at `s`, in the forms
 * `parseIsoTimestamp` accepts (`YYYY-MM-DDTHH:MM[:SS[.f{1,9}]]` then `Z` or `±HH[[:]MM]`, `T`
 * and `Z` in either case), with `at.pos` just after it; NaN for anything else, including a
 * missing zone (the string parser words that error).
 */
export function isoAt(b: Uint8Array, s: number, end: number, at: FieldEnd): number {
  const days = ymdAt(b, s, end, at);
  if (s + 16 > end || ((b[s + 10] ?? 0) | CASE) !== LOWER_T || b[s + 13] !== COLON) return Number.NaN;
  const hour = two(b, s + 11, end);
  const minute = two(b, s + 14, end);
  let i = s + 16;
  let second = 0;
  let ms = 0;
  if (b[i] === COLON && i < end) {
    second = two(b, i + 1, end);
    i += 3;
    if (b[i] === DOT && i < end) {
      ms = fractionAt(b, i, end, at);
      i = at.pos;
    }
  }
  const offset = zoneAt(b, i, end, at);
  if (Number.isNaN(days) || hour < 0 || minute < 0 || second < 0 || hour > 23 || minute > 59 || second > 59) return Number.NaN;
  return days * DAY_MS + hour * 3_600_000 + minute * 60_000 + second * 1000 + ms - offset * 60_000;
}
