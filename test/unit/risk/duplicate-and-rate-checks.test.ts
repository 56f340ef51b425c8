import { describe, expect, it } from 'vitest';
import { DenialCode } from '../../../src/core/index.js';
import { DuplicateIntentCheck, OrderRateCheck } from '../../../src/risk/index.js';
import { amt, context, denial, intent, IN_SESSION, MSFT } from './helpers.js';

const at = (ms: number) => context({ now: IN_SESSION + ms, prices: { AAPL: 100, MSFT: 10 } });

describe('DuplicateIntentCheck', () => {
  it('denies DUPLICATE_INTENT for an identical intent accepted within the window, and passes after it', () => {
    const check = new DuplicateIntentCheck(5_000);
    const first = intent({ type: 'LIMIT', limitPrice: amt(99.5) });
    expect(check.check(first, at(0)).ok).toBe(true);
    check.accepted(first, IN_SESSION);
    const again = intent({ type: 'LIMIT', limitPrice: amt(99.5), tif: 'GTC' });
    const reason = denial(check.check(again, at(4_999)));
    expect(reason.code).toBe(DenialCode.DUPLICATE_INTENT);
    expect(reason.context).toEqual({ acceptedAt: IN_SESSION, windowMs: 5_000 });
    expect(check.check(again, at(5_000)).ok).toBe(true);
  });

  it('treats a different symbol, side, quantity, type or price as a different order', () => {
    const check = new DuplicateIntentCheck(5_000);
    check.accepted(intent({ type: 'LIMIT', limitPrice: amt(99.5) }), IN_SESSION);
    for (const other of [
      intent({ symbol: MSFT, type: 'LIMIT', limitPrice: amt(99.5) }),
      intent({ side: 'SELL', type: 'LIMIT', limitPrice: amt(99.5) }),
      intent({ qty: amt(11), type: 'LIMIT', limitPrice: amt(99.5) }),
      intent({ type: 'LIMIT', limitPrice: amt(99.51) }),
      intent({ type: 'STOP_LIMIT', stopPrice: amt(99.5), limitPrice: amt(99.5) }),
    ]) expect(check.check(other, at(1)).ok).toBe(true);
  });

  it('does not remember an intent that was only checked (a later stage may deny it)', () => {
    const check = new DuplicateIntentCheck(5_000);
    check.check(intent(), at(0));
    expect(check.check(intent(), at(1)).ok).toBe(true);
  });

  it('measures from the latest acceptance when an intent is re-accepted', () => {
    const check = new DuplicateIntentCheck(1_000);
    check.accepted(intent(), IN_SESSION);
    check.accepted(intent(), IN_SESSION + 900);
    expect(check.check(intent(), at(1_500)).ok).toBe(false);
    expect(check.check(intent(), at(1_900)).ok).toBe(true);
  });

  it('forgets expired intents, so memory stays bounded by the window', () => {
    const check = new DuplicateIntentCheck(1_000);
    for (let i = 0; i < 10_000; i += 1) check.accepted(intent({ qty: amt(1 + (i % 500)) }), IN_SESSION + i * 10);
    expect(check.size).toBeLessThanOrEqual(100);
  });
});

describe('OrderRateCheck', () => {
  it('allows `count` accepted orders per interval and then denies ORDER_RATE until one ages out', () => {
    const check = new OrderRateCheck(3, 1_000);
    for (let i = 0; i < 3; i += 1) {
      expect(check.check(intent(), at(i)).ok).toBe(true);
      check.accepted(intent(), IN_SESSION + i);
    }
    const reason = denial(check.check(intent(), at(999)));
    expect(reason.code).toBe(DenialCode.ORDER_RATE);
    expect(reason.context).toEqual({ count: 3, intervalMs: 1_000 });
    expect(reason.message).toContain('1 ms');
    expect(check.check(intent(), at(1_000)).ok).toBe(true);
  });

  it('counts only accepted orders, not checked ones', () => {
    const check = new OrderRateCheck(1, 1_000);
    for (let i = 0; i < 5; i += 1) expect(check.check(intent(), at(i)).ok).toBe(true);
  });
});
