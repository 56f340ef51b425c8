import type { EpochMs, MaybePromise } from '../../core/index.js';
import { RateLimiter } from '../../risk/index.js';
import { ARIES_RATE_BUDGETS, type RateBudget, type RateCategory } from './rate-categories.js';

/**
 * One sliding-window limiter per rate category, so the client never sends more than a category's
 * budget in any window. `acquire` waits (on the injected sleep) until the category has room.
 */
export class CategoryLimiter {
  private readonly limiters: ReadonlyMap<RateCategory, RateLimiter>;

  constructor(
    now: () => EpochMs,
    private readonly sleep: (ms: number) => Promise<void>,
    budgets: Partial<Record<RateCategory, RateBudget>> = {},
  ) {
    const merged = { ...ARIES_RATE_BUDGETS, ...budgets };
    this.limiters = new Map(
      (Object.keys(merged) as RateCategory[]).map((category) => {
        const budget = merged[category];
        return [category, new RateLimiter(budget.capacity, budget.windowMs, now)] as const;
      }),
    );
  }

  /**
   * Takes one request slot in `category`, first waiting as long as the window is full. Returns
   * nothing (synchronously) when a slot was free, so the common case costs no promise hop; else
   * the promise of the slot.
   */
  acquire(category: RateCategory): MaybePromise<void> {
    const limiter = this.limiters.get(category);
    if (limiter === undefined || limiter.tryAcquire()) return undefined;
    return this.waitFor(limiter);
  }

  private async waitFor(limiter: RateLimiter): Promise<void> {
    // Re-check after every wait: concurrent callers may have taken the slot that freed up.
    do {
      await this.sleep(Math.max(1, limiter.waitMs()));
    } while (!limiter.tryAcquire());
  }

  /** Returns the slots free in `category` now. */
  available(category: RateCategory): number {
    return this.limiters.get(category)?.available() ?? Infinity;
  }
}
