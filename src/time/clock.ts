import type { SchedulerLike } from 'rxjs';
import type { EpochMs } from '../core/index.js';

/** Called when a timer or alert fires, with the time it was due. */
export type TimerCallback = (tsDue: EpochMs) => void;

/**
 * The one source of time. Backtests use a {@link VirtualClock} driven by the data; paper and live
 * use a {@link LiveClock}. Every time-based RxJS operator gets `clock.scheduler`, so the same
 * code runs on virtual or wall time.
 */
export interface Clock {
  /** Returns the current time in epoch milliseconds. */
  now(): EpochMs;
  /** An RxJS scheduler on this clock's time. */
  readonly scheduler: SchedulerLike;
  /** Fires `callback` every `intervalMs`, first at `now + intervalMs`. A name already in use is replaced. */
  setTimer(name: string, intervalMs: number, callback: TimerCallback): void;
  /** Fires `callback` once at `at` (immediately on the next advance if `at` is not in the future). */
  setAlert(name: string, at: EpochMs, callback: TimerCallback): void;
  /** Cancels the named timer or alert; unknown names are ignored. */
  cancel(name: string): void;
  /** Cancels every timer and alert. */
  dispose(): void;
}
