import type { DailyEquity } from '../daily-equity.js';

/** One calendar year of monthly returns. */
export interface YearReturns {
  readonly year: number;
  /** Twelve entries, January first; `null` for a month without trading days. */
  readonly months: readonly (number | null)[];
  /** The compounded return of the year's traded months, `yearEnd / previousYearEnd − 1`. */
  readonly total: number;
}

/**
 * Returns the year × month return table of a daily equity series (as {@link dailyEquity} gives
 * it, in time order). A month's return is its last day's equity over the previous traded
 * month's last equity, minus one; the first month is measured from `startingCash`, as the daily
 * returns are, so the months compound to `finalEquity / startingCash`. A non-positive base gives
 * `NaN`. Years without any trading day are left out.
 */
export function monthlyReturns(days: readonly DailyEquity[], startingCash: number): YearReturns[] {
  const monthEnds = new Map<string, number>();
  for (const day of days) monthEnds.set(day.date.slice(0, 7), day.equity);
  const years = new Map<number, { months: (number | null)[]; start: number; end: number }>();
  let base = startingCash;
  for (const [month, equity] of monthEnds) {
    const year = Number(month.slice(0, 4));
    let row = years.get(year);
    if (row === undefined) {
      row = { months: Array.from({ length: 12 }, () => null), start: base, end: base };
      years.set(year, row);
    }
    row.months[Number(month.slice(5, 7)) - 1] = ratio(equity, base);
    row.end = equity;
    base = equity;
  }
  return [...years].map(([year, row]) => ({ year, months: row.months, total: ratio(row.end, row.start) }));
}

function ratio(value: number, base: number): number {
  return base > 0 ? value / base - 1 : Number.NaN;
}
