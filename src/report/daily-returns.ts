import { dailyEquity, type DailyEquity } from './daily-equity.js';
import type { EquityPoint } from './report-input.js';

/**
 * Returns the simple daily returns of an equity curve: the points are grouped by local calendar
 * day in `timeZone` (see {@link dailyEquity}), each day keeps its last equity, and each return is
 * `dayEnd_i / dayEnd_{i-1} − 1`.
 *
 * The first return is measured from `startingCash`, not from the first point's equity: the first
 * day's gain or loss is real performance, and dropping it would also make the compounded returns
 * disagree with `finalEquity / startingCash`. So n days give n returns. A non-positive base gives
 * `NaN` for that return (the statistics turn it into `null`).
 */
export function dailyReturns(points: readonly EquityPoint[], timeZone: string, startingCash: number): number[] {
  return returnsBetweenDays(dailyEquity(points, timeZone), startingCash);
}

/** Returns the returns of {@link dailyReturns} for days already grouped. */
export function returnsBetweenDays(days: readonly DailyEquity[], startingCash: number): number[] {
  const returns: number[] = [];
  let base = startingCash;
  for (const day of days) {
    returns.push(base > 0 ? day.equity / base - 1 : Number.NaN);
    base = day.equity;
  }
  return returns;
}
