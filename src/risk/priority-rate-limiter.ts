import { RunnerError, type EpochMs } from '../core/index.js';
import { RateLimiter } from './rate-limiter.js';

/**
 * Who is asking for tokens: ENTRY for orders that open or add, EXIT for orders that reduce a
 * position and for cancels, which may also spend the reserve.
 */
export const RequestPriority = { ENTRY: 'ENTRY', EXIT: 'EXIT' } as const;
/** Who is asking for tokens. */
export type RequestPriority = (typeof RequestPriority)[keyof typeof RequestPriority];

/**
 * A sliding-window limiter that keeps `reservePct` percent of its capacity (rounded up) for
 * exits and cancels: an ENTRY is refused once taking its cost would leave less than the reserve,
 * so a burst of entries can never lock the runner out of closing a position or pulling an order.
 * Every grant still comes from the one sliding window, so the total never exceeds the budget.
 * `tryAcquire(cost)` without a priority is an ENTRY.
 */
export class PriorityRateLimiter extends RateLimiter {
  /** Tokens only EXIT requests may use. */
  readonly reserve: number;

  constructor(capacity: number, windowMs: number, now: () => EpochMs, reservePct = 0) {
    super(capacity, windowMs, now);
    if (!(reservePct >= 0 && reservePct < 100)) {
      throw new RunnerError('RISK_ERR_RATE_LIMIT', `exit reserve must be at least 0 and under 100 %, got ${reservePct}`);
    }
    this.reserve = Math.ceil((capacity * reservePct) / 100);
    if (this.reserve >= capacity) {
      throw new RunnerError('RISK_ERR_RATE_LIMIT', `an exit reserve of ${reservePct} % leaves no token of ${capacity} for entries`);
    }
  }

  /** Takes `cost` tokens if the priority may have them and returns true; otherwise takes nothing and returns false. */
  override tryAcquire(cost = 1, priority: RequestPriority = RequestPriority.ENTRY): boolean {
    if (priority === RequestPriority.ENTRY && this.available() - cost < this.reserve) return false;
    return super.tryAcquire(cost);
  }

  /** Returns how many milliseconds until `cost` tokens are available to `priority` (Infinity if never). */
  override waitMs(cost = 1, priority: RequestPriority = RequestPriority.ENTRY): number {
    return super.waitMs(priority === RequestPriority.ENTRY ? cost + this.reserve : cost);
  }
}
