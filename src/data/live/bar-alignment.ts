import { RunnerError, type EpochMs } from '../../core/index.js';
import { DataErrorCode } from '../row-error.js';

const DAY_MS = 86_400_000;

/**
 * Throws `DATA_ERR_INTERVAL` unless `intervalMs` is a positive whole number of milliseconds that
 * divides a day, so every bar starts on a multiple of the interval since the epoch (a minute bar
 * on :00, a 5-minute bar on :00, :05, …).
 */
export function checkLiveIntervalMs(intervalMs: number): void {
  if (!Number.isInteger(intervalMs) || intervalMs <= 0 || DAY_MS % intervalMs !== 0) {
    throw new RunnerError(
      DataErrorCode.INTERVAL,
      `intervalMs: ${intervalMs} must be a positive whole number of milliseconds that divides a day`,
    );
  }
}

/** Returns the start of the interval-aligned bar that contains `ts`. */
export function barStartOf(ts: EpochMs, intervalMs: number): EpochMs {
  return Math.floor(ts / intervalMs) * intervalMs;
}
