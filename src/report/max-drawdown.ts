import type { DailyEquity } from './daily-equity.js';

/** The deepest peak-to-trough fall of an equity series. */
export interface MaxDrawdown {
  /** `trough / peak − 1`: a negative fraction, as empyrical reports it. */
  readonly maxDrawdown: number;
  /** The date of the peak the fall started from. */
  readonly start: string;
  /** The date of the trough. */
  readonly end: string;
}

/**
 * Returns the maximum drawdown of `series` (`min_t equity_t / peak_t − 1`), or `null` when the
 * equity never falls below an earlier peak. Callers put the starting cash first so a loss on the
 * first day counts, as empyrical does by prepending the start value. When the peak value repeats,
 * `start` is its last occurrence before the trough (where the fall actually began); when the
 * trough repeats, `end` is its first occurrence.
 */
export function maxDrawdown(series: readonly DailyEquity[]): MaxDrawdown | null {
  let peak: DailyEquity | undefined;
  let worst: MaxDrawdown | null = null;
  for (const point of series) {
    if (peak === undefined || point.equity >= peak.equity) {
      peak = point;
      continue;
    }
    if (peak.equity <= 0) continue;
    const drawdown = point.equity / peak.equity - 1;
    if (worst === null || drawdown < worst.maxDrawdown) {
      worst = { maxDrawdown: drawdown, start: peak.date, end: point.date };
    }
  }
  return worst;
}
