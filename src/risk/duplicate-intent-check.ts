import { deny, DenialCode, PASS, type EpochMs, type OrderId, type OrderIntent, type RiskVerdict } from '../core/index.js';
import type { IntentAcceptor } from './intent-acceptor.js';
import type { RiskCheck } from './risk-check.js';
import type { RiskContext } from './risk-context.js';

/** Returns what makes two intents the same order: everything but the id, time, tif and tag. */
function intentKey(i: OrderIntent): string {
  return `${i.symbol}|${i.side}|${i.qty}|${i.type}|${i.limitPrice ?? ''}|${i.stopPrice ?? ''}`;
}

/**
 * Refuses an intent identical (symbol, side, quantity, type, prices) to one accepted within the
 * last `windowMs`: a strategy that fires twice on one signal, or a retry loop, sends one order.
 * It remembers only what the whole gate accepted (via `accepted`, from the accept stage), so an
 * intent denied later in the gate (rate limit, preview) may be retried. O(1) amortised per call:
 * a map of last acceptance times plus a FIFO that ages entries out.
 */
export class DuplicateIntentCheck implements RiskCheck, IntentAcceptor {
  readonly name = 'duplicate-intent';
  private readonly lastAccepted = new Map<string, EpochMs>();
  private readonly fifo: { key: string; ts: EpochMs }[] = [];
  private head = 0;
  /** Intents that passed this check and are still in the gate, by id, with their keys. */
  private readonly held = new Map<OrderId, string>();
  private readonly heldKeys = new Map<string, number>();

  constructor(private readonly windowMs: number) {}

  /** Returns DUPLICATE_INTENT when the same order was accepted within the window. */
  check(intent: OrderIntent, ctx: RiskContext): RiskVerdict {
    this.expire(ctx.now);
    const key = intentKey(intent);
    if (this.heldKeys.has(key)) {
      return deny(DenialCode.DUPLICATE_INTENT, `the same ${intent.side} ${intent.symbol} order is already in the gate`, { windowMs: this.windowMs });
    }
    const at = this.lastAccepted.get(key);
    if (at === undefined) return PASS;
    return deny(DenialCode.DUPLICATE_INTENT, `the same ${intent.side} ${intent.symbol} order was accepted ${ctx.now - at} ms ago (window ${this.windowMs} ms)`, {
      acceptedAt: at, windowMs: this.windowMs,
    });
  }

  /** Remembers the intent as accepted at `now`. */
  accepted(intent: OrderIntent, now: EpochMs): void {
    this.expire(now);
    this.release(intent);
    const key = intentKey(intent);
    this.lastAccepted.set(key, now);
    this.fifo.push({ key, ts: now });
  }

  /** Holds the intent's key while the rest of the gate decides. */
  reserve(intent: OrderIntent): void {
    const key = intentKey(intent);
    this.held.set(intent.id, key);
    this.heldKeys.set(key, (this.heldKeys.get(key) ?? 0) + 1);
  }

  /** Frees the hold (an accepted intent is remembered as accepted instead). */
  release(intent: OrderIntent): void {
    const key = this.held.get(intent.id);
    if (key === undefined) return;
    this.held.delete(intent.id);
    const n = (this.heldKeys.get(key) ?? 0) - 1;
    if (n > 0) this.heldKeys.set(key, n);
    else this.heldKeys.delete(key);
  }

  /** Returns how many distinct intents are remembered (for tests of the memory bound). */
  get size(): number {
    return this.lastAccepted.size;
  }

  private expire(now: EpochMs): void {
    while (this.head < this.fifo.length) {
      const oldest = this.fifo[this.head];
      if (oldest === undefined || now - oldest.ts < this.windowMs) break;
      // A key re-accepted later has a newer time in the map and a newer FIFO entry: keep it.
      if (this.lastAccepted.get(oldest.key) === oldest.ts) this.lastAccepted.delete(oldest.key);
      this.head += 1;
    }
    if (this.head > 1024 && this.head * 2 > this.fifo.length) {
      this.fifo.splice(0, this.head);
      this.head = 0;
    }
  }
}
