import { RunnerError, type EpochMs } from '../core/index.js';

/**
 * A sliding-window limiter on an injected clock: at most `capacity` tokens in any `windowMs`
 * (Aries's Trading limit: 50 per 60 000 ms). Each token comes back exactly `windowMs` after it was
 * taken, so capacity returns gradually as old grants age out. A continuously refilled token bucket
 * of the same capacity would allow up to twice the budget in one window (a full bucket plus a
 * window's refill), which the broker would answer with 429s. Memory is O(capacity); calls are
 * amortised O(cost); deterministic under a virtual clock.
 */
export class RateLimiter {
  /** Grant time of every token still inside the window, oldest first. */
  private readonly grants: EpochMs[] = [];
  private head = 0;

  constructor(
    readonly capacity: number,
    readonly windowMs: number,
    private readonly now: () => EpochMs,
  ) {
    if (!Number.isInteger(capacity) || capacity <= 0 || !(windowMs > 0)) {
      throw new RunnerError('RISK_ERR_RATE_LIMIT', `rate limit needs a positive whole capacity and window, got ${capacity} per ${windowMs} ms`);
    }
  }

  /** Takes `cost` tokens if available and returns true; otherwise takes nothing and returns false. */
  tryAcquire(cost = 1): boolean {
    if (cost > this.available()) return false;
    const t = this.now();
    for (let i = 0; i < cost; i += 1) this.grants.push(t);
    return true;
  }

  /** Returns how many milliseconds until `cost` tokens are available (0 if they are now; Infinity above capacity). */
  waitMs(cost = 1): number {
    const short = cost - this.available();
    if (short <= 0) return 0;
    if (cost > this.capacity) return Infinity;
    // The `short` oldest live grants must leave the window first.
    const freedAt = (this.grants[this.head + short - 1] ?? 0) + this.windowMs;
    return Math.max(0, freedAt - this.now());
  }

  /** Returns the tokens available now. */
  available(): number {
    this.expire();
    return this.capacity - (this.grants.length - this.head);
  }

  private expire(): void {
    const cutoff = this.now() - this.windowMs;
    while (this.head < this.grants.length && (this.grants[this.head] ?? Infinity) <= cutoff) this.head += 1;
    // Compact now and then so the array stays O(capacity).
    if (this.head > this.capacity) {
      this.grants.splice(0, this.head);
      this.head = 0;
    }
  }
}
