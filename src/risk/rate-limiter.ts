import type { EpochMs } from '../core/index.js';

/**
 * A token bucket on an injected clock: `capacity` tokens, refilled continuously at
 * `capacity / windowMs`. With Aries's Trading limit that is 50 per 60 000 ms. O(1) per call and
 * deterministic under a virtual clock.
 */
export class RateLimiter {
  private tokens: number;
  private last: EpochMs;
  private readonly perMs: number;

  constructor(
    readonly capacity: number,
    readonly windowMs: number,
    private readonly now: () => EpochMs,
  ) {
    this.tokens = capacity;
    this.last = now();
    this.perMs = capacity / windowMs;
  }

  /** Takes `cost` tokens if available and returns true; otherwise takes nothing and returns false. */
  tryAcquire(cost = 1): boolean {
    this.refill();
    if (this.tokens + 1e-9 < cost) return false;
    this.tokens -= cost;
    return true;
  }

  /** Returns how many milliseconds until `cost` tokens are available (0 if they are now). */
  waitMs(cost = 1): number {
    this.refill();
    return this.tokens >= cost ? 0 : Math.ceil((cost - this.tokens) / this.perMs);
  }

  /** Returns the tokens available now. */
  available(): number {
    this.refill();
    return this.tokens;
  }

  private refill(): void {
    const t = this.now();
    if (t > this.last) {
      this.tokens = Math.min(this.capacity, this.tokens + (t - this.last) * this.perMs);
      this.last = t;
    }
  }
}
