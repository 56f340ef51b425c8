/**
 * Zone-free calendar-date arithmetic on proleptic Gregorian dates. Holiday rules are pure date
 * facts, so they are computed here without a time zone; only session times need a time zone (see zone-time.ts).
 */

/** A calendar date without time or zone: `month` is 1–12, `day` 1–31. */
export interface CivilDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** Days of the week as numbered by {@link dayOfWeek}. */
export const Weekday = {
  SUNDAY: 0,
  MONDAY: 1,
  TUESDAY: 2,
  WEDNESDAY: 3,
  THURSDAY: 4,
  FRIDAY: 5,
  SATURDAY: 6,
} as const;
/** A day of the week, 0 = Sunday … 6 = Saturday. */
export type Weekday = (typeof Weekday)[keyof typeof Weekday];

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Returns the number of days from 1970-01-01 to the date (negative before it). */
export function toEpochDay(date: CivilDate): number {
  return Date.UTC(date.year, date.month - 1, date.day) / MS_PER_DAY;
}

/** Returns the date `epochDay` days after 1970-01-01 (H. Hinnant's civil-from-days algorithm). */
export function fromEpochDay(epochDay: number): CivilDate {
  const z = epochDay + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Returns the UTC calendar year that the epoch-millisecond instant falls in. */
export function utcYearOf(epochMs: number): number {
  return fromEpochDay(Math.floor(epochMs / MS_PER_DAY)).year;
}

/** Returns the date `days` days after `date` (before it when negative). */
export function addDays(date: CivilDate, days: number): CivilDate {
  return fromEpochDay(toEpochDay(date) + days);
}

/** Returns the day of the week of the date. */
export function dayOfWeek(date: CivilDate): Weekday {
  // 1970-01-01 was a Thursday.
  return ((((toEpochDay(date) + Weekday.THURSDAY) % 7) + 7) % 7) as Weekday;
}

/** Returns whether the date falls on a Saturday or Sunday. */
export function isWeekend(date: CivilDate): boolean {
  const dow = dayOfWeek(date);
  return dow === Weekday.SATURDAY || dow === Weekday.SUNDAY;
}

/** Returns the number of days in the month. */
export function daysInMonth(year: number, month: number): number {
  return (Date.UTC(year, month, 1) - Date.UTC(year, month - 1, 1)) / MS_PER_DAY;
}

/** Returns the `n`-th (1-based) given weekday of the month, e.g. the 3rd Monday of January. */
export function nthWeekdayOfMonth(year: number, month: number, weekday: Weekday, n: number): CivilDate {
  const first: CivilDate = { year, month, day: 1 };
  const offset = (weekday - dayOfWeek(first) + 7) % 7;
  return { year, month, day: 1 + offset + 7 * (n - 1) };
}

/** Returns the last given weekday of the month, e.g. the last Monday of May. */
export function lastWeekdayOfMonth(year: number, month: number, weekday: Weekday): CivilDate {
  const last: CivilDate = { year, month, day: daysInMonth(year, month) };
  const offset = (dayOfWeek(last) - weekday + 7) % 7;
  return { year, month, day: last.day - offset };
}

/** Returns the date as `YYYY-MM-DD`. */
export function formatIsoDate(date: CivilDate): string {
  const mm = String(date.month).padStart(2, '0');
  const dd = String(date.day).padStart(2, '0');
  return `${String(date.year).padStart(4, '0')}-${mm}-${dd}`;
}

/** Returns the date a `YYYY-MM-DD` string names, or `undefined` if it is malformed or not a real date. */
export function parseIsoDate(text: string): CivilDate | undefined {
  const match = ISO_DATE.exec(text);
  if (match === null) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}
