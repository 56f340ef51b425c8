import { describe, expect, it } from 'vitest';
import { DenialCode } from '../../../src/core/index.js';
import { Ledger } from '../../../src/portfolio/index.js';
import {
  buyingPowerCheck, isReducing, maxPositionCheck, projectedPosition, referencePrice, signedQty, TradingState,
  TradingStatus,
} from '../../../src/risk/index.js';
import { AAPL, amt, context, denial, fill, intent, MSFT, workingOrder } from './helpers.js';

function longAapl(qty: number): Ledger {
  const ledger = new Ledger(amt(100_000));
  fill(ledger, AAPL, 'BUY', qty, 100);
  return ledger;
}

describe('order math', () => {
  it('referencePrice prefers limit, then stop, then the last price', () => {
    const ctx = context({ prices: { AAPL: 101.5 } });
    expect(referencePrice(intent({ type: 'STOP_LIMIT', limitPrice: amt(99), stopPrice: amt(98) }), ctx)).toBe(amt(99));
    expect(referencePrice(intent({ type: 'STOP', stopPrice: amt(98) }), ctx)).toBe(amt(98));
    expect(referencePrice(intent(), ctx)).toBe(amt(101.5));
    expect(referencePrice(intent({ symbol: MSFT }), ctx)).toBeUndefined();
  });

  it('signedQty is positive for buys and negative for sells', () => {
    expect(signedQty(intent({ qty: amt(3) }))).toBe(amt(3));
    expect(signedQty(intent({ side: 'SELL', qty: amt(3) }))).toBe(-amt(3));
  });

  it('projectedPosition adds same-side working orders and the intent to the position', () => {
    const openOrders = [
      workingOrder(intent({ qty: amt(20) }), amt(5)),
      workingOrder(intent({ side: 'SELL', qty: amt(7) })),
    ];
    const ctx = context({ ledger: longAapl(10), openOrders });
    expect(projectedPosition(intent({ qty: amt(1) }), ctx)).toBe(amt(26));
    expect(projectedPosition(intent({ side: 'SELL', qty: amt(1) }), ctx)).toBe(amt(2));
  });

  it('isReducing: shrinking a long or a short, never flat, never crossing zero, never adding', () => {
    const long = context({ ledger: longAapl(10) });
    expect(isReducing(intent({ side: 'SELL', qty: amt(4) }), long)).toBe(true);
    expect(isReducing(intent({ side: 'SELL', qty: amt(10) }), long)).toBe(true);
    expect(isReducing(intent({ side: 'SELL', qty: amt(11) }), long)).toBe(false);
    expect(isReducing(intent({ qty: amt(1) }), long)).toBe(false);
    expect(isReducing(intent({ side: 'SELL' }), context())).toBe(false);
    const ledger = new Ledger(amt(100_000));
    fill(ledger, AAPL, 'SELL', 10, 100);
    expect(isReducing(intent({ qty: amt(10) }), context({ ledger }))).toBe(true);
    expect(isReducing(intent({ qty: amt(11) }), context({ ledger }))).toBe(false);
  });

  it('isReducing counts working orders on the same side: stacked sells may not flip a long', () => {
    const resting = [workingOrder(intent({ side: 'SELL', qty: amt(10) }))];
    const ctx = context({ ledger: longAapl(10), openOrders: resting });
    expect(isReducing(intent({ side: 'SELL', qty: amt(10) }), ctx)).toBe(false);
    const half = context({ ledger: longAapl(10), openOrders: [workingOrder(intent({ side: 'SELL', qty: amt(5) }))] });
    expect(isReducing(intent({ side: 'SELL', qty: amt(5) }), half)).toBe(true);
    expect(isReducing(intent({ side: 'SELL', qty: amt(6) }), half)).toBe(false);
  });

  it('so REDUCING mode, buying power and the position limit cannot be bypassed by stacking sells', () => {
    const ledger = new Ledger(amt(1_000));
    fill(ledger, AAPL, 'BUY', 10, 100);
    const ctx = context({ ledger, openOrders: [workingOrder(intent({ side: 'SELL', qty: amt(10) }))] });
    const flip = intent({ side: 'SELL', qty: amt(10) });
    const state = new TradingState();
    state.set(TradingStatus.REDUCING, 'test');
    expect(denial(state.check(flip, ctx)).code).toBe(DenialCode.REDUCING_ONLY);
    expect(denial(buyingPowerCheck().check(flip, ctx)).code).toBe(DenialCode.INSUFFICIENT_BUYING_POWER);
    expect(denial(maxPositionCheck(amt(5)).check(flip, ctx)).code).toBe(DenialCode.MAX_POSITION_EXCEEDED);
  });
});
