import { deny, DenialCode, PASS, type EpochMs, type OrderId, type OrderIntent, type RiskVerdict } from '../core/index.js';
import type { IntentAcceptor } from './intent-acceptor.js';
import { RateLimiter } from './rate-limiter.js';
import type { RiskCheck } from './risk-check.js';
import type { RiskContext } from './risk-context.js';

/**
 * The runner's own order-rate cap (Nautilus's `max_order_submit_rate`, e.g. 100 per second),
 * separate from the broker's request budget: at most `count` accepted orders in any
 * `intervalMs`. Only orders the whole gate accepted count (via `accepted`).
 */
export class OrderRateCheck implements RiskCheck, IntentAcceptor {
  readonly name = 'order-rate';
  private readonly limiter: RateLimiter;
  private clockNow: EpochMs = Number.NEGATIVE_INFINITY;
  /** Intents that passed this check and are still in the gate (e.g. awaiting a broker preview). */
  private readonly held = new Set<OrderId>();

  constructor(
    readonly count: number,
    readonly intervalMs: number,
  ) {
    // The limiter reads the time of the call being made; both entry points set it first.
    this.limiter = new RateLimiter(count, intervalMs, () => this.clockNow);
  }

  /** Returns ORDER_RATE when `count` orders were accepted within the last interval. */
  check(intent: OrderIntent, ctx: RiskContext): RiskVerdict {
    this.clockNow = ctx.now;
    if (this.limiter.available() - this.held.size >= 1) return PASS;
    return deny(DenialCode.ORDER_RATE, `order rate limit ${this.count} per ${this.intervalMs} ms reached; ${this.limiter.waitMs()} ms until the next ${intent.symbol} order may go`, {
      count: this.count, intervalMs: this.intervalMs,
    });
  }

  /** Counts an accepted order at `now`. */
  accepted(intent: OrderIntent, now: EpochMs): void {
    this.clockNow = now;
    // The hold becomes a counted order.
    this.held.delete(intent.id);
    this.limiter.tryAcquire();
  }

  /** Holds one order's place while the rest of the gate decides. */
  reserve(intent: OrderIntent): void {
    this.held.add(intent.id);
  }

  /** Frees the hold of an intent the gate refused after this check. */
  release(intent: OrderIntent): void {
    this.held.delete(intent.id);
  }
}
