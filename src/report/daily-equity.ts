import { RunnerError } from '../core/index.js';
import { walkEquity } from './equity-log.js';
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
  // The zone lookup is done once per local day, not once per point; so is the day's entry.
  let dayEnd = Number.NEGATIVE_INFINITY;
  let date = '';
  let equity = 0;
  let open = false;
  let index = 0;
  // A callback walk: a spilled equity log then builds no object per point.
  walkEquity(points, (ts, pointEquity) => {
    if (ts < previousTs) {
      throw new RunnerError('REPORT_ERR_UNSORTED_EQUITY', `equity[${index}]: ts ${ts} is before ${previousTs}`);
    }
    previousTs = ts;
    if (ts > dayEnd) {
      const next = isoDateIn(ts, timeZone);
      dayEnd = endOfDayIn(ts, timeZone);
      if (open && next !== date) days.push({ date, equity });
      date = next;
    }
    equity = pointEquity;
    open = true;
    index += 1;
  });
  if (open) days.push({ date, equity });
  return days;
}
