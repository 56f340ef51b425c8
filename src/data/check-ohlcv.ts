import { rowError } from './row-error.js';

/**
 * Returns normally when the row is a consistent bar, else throws `DATA_ERR_INVALID_ROW`:
 * prices must be positive, `low ≤ min(open, close)`, `high ≥ max(open, close)`, `high ≥ low`,
 * and volume must not be negative.
 */
export function checkOhlcv(
  open: number, high: number, low: number, close: number, volume: number, file: string, line: number,
): void {
  const bad = (reason: string): Error => rowError(file, line, reason);
  if (open <= 0) throw bad(`open must be positive, got ${open}`);
  if (high <= 0) throw bad(`high must be positive, got ${high}`);
  if (low <= 0) throw bad(`low must be positive, got ${low}`);
  if (close <= 0) throw bad(`close must be positive, got ${close}`);
  if (high < low) throw bad(`high ${high} is below low ${low}`);
  if (low > Math.min(open, close)) throw bad(`low ${low} is above min(open, close) ${Math.min(open, close)}`);
  if (high < Math.max(open, close)) throw bad(`high ${high} is below max(open, close) ${Math.max(open, close)}`);
  if (volume < 0) throw bad(`volume must not be negative, got ${volume}`);
}
