import { rowError } from './row-error.js';

function ohlcvProblem(open: number, high: number, low: number, close: number, volume: number): string | undefined {
  if (open <= 0) return `open must be positive, got ${open}`;
  if (high <= 0) return `high must be positive, got ${high}`;
  if (low <= 0) return `low must be positive, got ${low}`;
  if (close <= 0) return `close must be positive, got ${close}`;
  if (high < low) return `high ${high} is below low ${low}`;
  if (low > Math.min(open, close)) return `low ${low} is above min(open, close) ${Math.min(open, close)}`;
  if (high < Math.max(open, close)) return `high ${high} is below max(open, close) ${Math.max(open, close)}`;
  if (volume < 0) return `volume must not be negative, got ${volume}`;
  return undefined;
}

/** Returns whether the row is a consistent bar (what {@link checkOhlcv} accepts), building no string. */
export function isConsistentOhlcv(open: number, high: number, low: number, close: number, volume: number): boolean {
  // `ohlcvProblem`'s conditions, negated; stricter only for NaN (false here), which the parsers never pass.
  return open > 0 && high > 0 && low > 0 && close > 0 && high >= low && low <= (open < close ? open : close)
    && high >= (open > close ? open : close) && volume >= 0;
}

/**
 * Returns normally when the row is a consistent bar, else throws `DATA_ERR_INVALID_ROW`:
 * prices must be positive, `low ≤ min(open, close)`, `high ≥ max(open, close)`, `high ≥ low`,
 * and volume must not be negative.
 */
export function checkOhlcv(
  open: number, high: number, low: number, close: number, volume: number, file: string, line: number,
): void {
  // Runs once per CSV row: no closure, no string unless the row is bad. The boolean check first:
  // calling `ohlcvProblem` on every row cost ~0.2 µs a row in profiles.
  if (isConsistentOhlcv(open, high, low, close, volume)) return;
  const problem = ohlcvProblem(open, high, low, close, volume);
  if (problem !== undefined) throw rowError(file, line, problem);
}
