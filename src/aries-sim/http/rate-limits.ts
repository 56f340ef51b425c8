import type { EpochMs } from '../../core/index.js';
import { RateLimiter } from '../../risk/index.js';
import type { SimRateCategory } from '../sim-options.js';

const WINDOW_MS = 60_000;

/** The documented per-minute limits (aries-api.md §3.2). */
export const DEFAULT_RATE_LIMITS: Readonly<Record<SimRateCategory, number>> = { auth: 10, user: 100, market: 1000, trading: 50 };

/** The outcome of one rate-limit check, with the headers every response carries. */
export interface RateCheck {
  readonly allowed: boolean;
  readonly headers: Readonly<Record<string, string>>;
}

/** Sliding-window limits per category and per caller (token, or client for the auth endpoints). */
export class SimRateLimits {
  private readonly limiters = new Map<string, RateLimiter>();

  constructor(private readonly now: () => EpochMs, private readonly limits: Readonly<Record<SimRateCategory, number>>) {}

  /** Takes one request from the caller's budget; returns whether it is allowed and the `X-RateLimit-*` headers. */
  check(category: SimRateCategory, caller: string): RateCheck {
    const key = `${category}\u0000${caller}`;
    let limiter = this.limiters.get(key);
    if (limiter === undefined) {
      limiter = new RateLimiter(this.limits[category], WINDOW_MS, this.now);
      this.limiters.set(key, limiter);
    }
    const allowed = limiter.tryAcquire();
    const now = this.now();
    const resetAt = now + limiter.waitMs(limiter.capacity);
    const headers: Record<string, string> = {
      'x-ratelimit-limit': String(limiter.capacity),
      'x-ratelimit-remaining': String(limiter.available()),
      'x-ratelimit-reset': String(Math.ceil(resetAt / 1000)),
    };
    if (!allowed) headers['retry-after'] = String(Math.max(1, Math.ceil(limiter.waitMs(1) / 1000)));
    return { allowed, headers };
  }
}
