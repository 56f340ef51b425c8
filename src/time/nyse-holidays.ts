/**
 * NYSE full-day closures: the recurring holidays of NYSE Rule 7.2 and the one-off closures since
 * 1990. Facts cross-checked against NYSE's published holiday calendars and the
 * pandas_market_calendars NYSE history (which follows NYSE's own "Closings" record).
 */
import {
  Weekday,
  addDays,
  dayOfWeek,
  daysInMonth,
  formatIsoDate,
  isWeekend,
  lastWeekdayOfMonth,
  nthWeekdayOfMonth,
  type CivilDate,
} from './civil-date.js';
import { easterSunday } from './easter.js';
import type { Closure } from './trading-calendar.js';

interface HolidayRule {
  readonly name: string;
  /** The nominal date in the year, before weekend observance; `undefined` when not a holiday that year. */
  readonly nominal: (year: number) => CivilDate | undefined;
}

const RULES: readonly HolidayRule[] = [
  { name: "New Year's Day", nominal: (year) => ({ year, month: 1, day: 1 }) },
  // The NYSE first closed for Martin Luther King Jr. Day in 1998.
  {
    name: 'Martin Luther King Jr. Day',
    nominal: (year) => (year >= 1998 ? nthWeekdayOfMonth(year, 1, Weekday.MONDAY, 3) : undefined),
  },
  { name: "Washington's Birthday", nominal: (year) => nthWeekdayOfMonth(year, 2, Weekday.MONDAY, 3) },
  { name: 'Good Friday', nominal: (year) => addDays(easterSunday(year), -2) },
  { name: 'Memorial Day', nominal: (year) => lastWeekdayOfMonth(year, 5, Weekday.MONDAY) },
  // First observed by the NYSE in 2022 (it became a federal holiday too late in 2021).
  {
    name: 'Juneteenth National Independence Day',
    nominal: (year) => (year >= 2022 ? { year, month: 6, day: 19 } : undefined),
  },
  { name: 'Independence Day', nominal: (year) => ({ year, month: 7, day: 4 }) },
  { name: 'Labor Day', nominal: (year) => nthWeekdayOfMonth(year, 9, Weekday.MONDAY, 1) },
  { name: 'Thanksgiving Day', nominal: (year) => nthWeekdayOfMonth(year, 11, Weekday.THURSDAY, 4) },
  { name: 'Christmas Day', nominal: (year) => ({ year, month: 12, day: 25 }) },
];

/** One-off full-day closures in the supported range (weather, national days of mourning, 9/11). */
const SPECIAL_CLOSURES: readonly Closure[] = [
  { date: '1994-04-27', name: 'National Day of Mourning: President Richard Nixon' },
  { date: '2001-09-11', name: 'September 11 attacks' },
  { date: '2001-09-12', name: 'September 11 attacks' },
  { date: '2001-09-13', name: 'September 11 attacks' },
  { date: '2001-09-14', name: 'September 11 attacks' },
  { date: '2004-06-11', name: 'National Day of Mourning: President Ronald Reagan' },
  { date: '2007-01-02', name: 'National Day of Mourning: President Gerald Ford' },
  { date: '2012-10-29', name: 'Hurricane Sandy' },
  { date: '2012-10-30', name: 'Hurricane Sandy' },
  { date: '2018-12-05', name: 'National Day of Mourning: President George H. W. Bush' },
  { date: '2025-01-09', name: 'National Day of Mourning: President Jimmy Carter' },
];

/**
 * Moves a weekend holiday to the weekday it is observed on, or returns `undefined` when it is not
 * observed. Rule 7.2: Sunday → Monday; Saturday → Friday, unless that Friday ends a monthly or
 * yearly accounting period (in practice: New Year's Day on a Saturday is not observed at all).
 */
function observe(date: CivilDate): CivilDate | undefined {
  const dow = dayOfWeek(date);
  if (dow === Weekday.SUNDAY) return addDays(date, 1);
  if (dow !== Weekday.SATURDAY) return date;
  const friday = addDays(date, -1);
  return friday.day === daysInMonth(friday.year, friday.month) ? undefined : friday;
}

/**
 * Returns the NYSE's full-day weekday closures of the year — observed holidays and special
 * closures — in date order, each with its name.
 */
export function nyseClosures(year: number): Closure[] {
  const closures: Closure[] = [];
  for (const rule of RULES) {
    const nominal = rule.nominal(year);
    const observed = nominal === undefined ? undefined : observe(nominal);
    if (observed !== undefined && !isWeekend(observed)) closures.push({ date: formatIsoDate(observed), name: rule.name });
  }
  const prefix = `${String(year).padStart(4, '0')}-`;
  for (const special of SPECIAL_CLOSURES) {
    if (special.date.startsWith(prefix)) closures.push(special);
  }
  return closures.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
