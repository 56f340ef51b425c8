/**
 * Scheduled NYSE early closes. Rules and exceptions follow NYSE's published holiday calendars and
 * its historical "Closings" record (as transcribed in pandas_market_calendars):
 * - Day after Thanksgiving: 14:00 in 1992 (the first year), 13:00 from 1993.
 * - Christmas Eve on a trading weekday: 14:00 in 1990–1992, 13:00 from 1996 (in 1993–1995 it fell on a
 *   holiday or weekend). A Friday Dec 24 is always the observed Christmas holiday.
 * - Independence Day eve (from 1995): July 3 on a Monday, Tuesday or Thursday. When July 4 is a
 *   Thursday the early close was Friday July 5 until 2012 (1996, 2002) and Wednesday July 3 from 2013.
 *   No early close when July 4 falls on a Friday–Monday (July 3 is then a holiday or weekend, and
 *   e.g. 2015-07-02, 2020-07-02, 2022-07-01 and 2026-07-02 are full days).
 * - Friday after Christmas: 1997-12-26 and 2003-12-26 only (not 2008 or 2014).
 * Unscheduled intraday stops (snow 1994-02-11 and 1996-01-08, the 1997-10-27 circuit breaker, the
 * 2005-06-01 systems problem) are deliberately left out: a strategy could not have known them in
 * advance, and `earlyClose` is meant for planning.
 */
import { Weekday, dayOfWeek, formatIsoDate, nthWeekdayOfMonth, addDays } from './civil-date.js';

/** A scheduled early close: the local closing time and why. */
export interface EarlyClose {
  readonly hour: number;
  readonly minute: number;
  readonly name: string;
}

const ONE_PM = { hour: 13, minute: 0 } as const;
const TWO_PM = { hour: 14, minute: 0 } as const;

const FRIDAY_AFTER_CHRISTMAS: ReadonlySet<string> = new Set(['1997-12-26', '2003-12-26']);

function independenceDayEarlyClose(year: number): { readonly date: string; readonly name: string } | undefined {
  if (year < 1995) return undefined;
  const july3 = { year, month: 7, day: 3 };
  const dow = dayOfWeek(july3);
  const eve = { date: formatIsoDate(july3), name: 'Independence Day eve' };
  if (dow === Weekday.MONDAY || dow === Weekday.TUESDAY || dow === Weekday.THURSDAY) return eve;
  if (dow !== Weekday.WEDNESDAY) return undefined;
  return year >= 2013 ? eve : { date: formatIsoDate({ year, month: 7, day: 5 }), name: 'Day after Independence Day' };
}

/**
 * Returns the year's candidate early closes keyed by `YYYY-MM-DD`. A candidate that turns out to
 * be a closure or weekend (e.g. Dec 24 on a Friday) is ignored by the calendar.
 */
export function nyseEarlyCloses(year: number): ReadonlyMap<string, EarlyClose> {
  const closes = new Map<string, EarlyClose>();
  if (year >= 1992) {
    const dayAfter = addDays(nthWeekdayOfMonth(year, 11, Weekday.THURSDAY, 4), 1);
    closes.set(formatIsoDate(dayAfter), { ...(year === 1992 ? TWO_PM : ONE_PM), name: 'Day after Thanksgiving' });
  }
  if (year <= 1992 || year >= 1996) {
    closes.set(formatIsoDate({ year, month: 12, day: 24 }), {
      ...(year <= 1992 ? TWO_PM : ONE_PM),
      name: 'Christmas Eve',
    });
  }
  const july = independenceDayEarlyClose(year);
  if (july !== undefined) closes.set(july.date, { ...ONE_PM, name: july.name });
  const dec26 = formatIsoDate({ year, month: 12, day: 26 });
  if (FRIDAY_AFTER_CHRISTMAS.has(dec26)) closes.set(dec26, { ...ONE_PM, name: 'Friday after Christmas' });
  return closes;
}
