import { RunnerError } from '../core/index.js';
import { endOfDayIn, isoDateIn } from './iso-time.js';
import type { EquityPoint } from './report-input.js';

/** The equity at the last bar close of one local calendar day. */
export interface DailyEquity {
  /** `YYYY-MM-DD` in the result's time zone. */
  readonly date: string;
  readonly equity: number;
}

/**
 * Returns one entry per local calendar day in `timeZone`, holding the equity of the day's last
 * point. Days without points are absent (no bar, no return). Throws `REPORT_ERR_UNSORTED_EQUITY`
 * when the points are not in time order, since grouping then would silently mix days.
 */
export function dailyEquity(points: Iterable<EquityPoint>, timeZone: string): DailyEquity[] {
  const days: DailyEquity[] = [];
  let previousTs = Number.NEGATIVE_INFINITY;
  // The zone lookup is costly; do it once per day, not once per point.
  let dayEnd = Number.NEGATIVE_INFINITY;
  let date = '';
  let index = 0;
  for (const point of points) {
    if (point.ts < previousTs) {
      throw new RunnerError('REPORT_ERR_UNSORTED_EQUITY', `equity[${index}]: ts ${point.ts} is before ${previousTs}`);
    }
    previousTs = point.ts;
    if (point.ts > dayEnd) {
      date = isoDateIn(point.ts, timeZone);
      dayEnd = endOfDayIn(point.ts, timeZone);
    }
    const last = days.at(-1);
    if (last !== undefined && last.date === date) days[days.length - 1] = { date, equity: point.equity };
    else days.push({ date, equity: point.equity });
    index += 1;
  }
  return days;
}
