import { describe, expect, it } from 'vitest';
import { DenialCode } from '../../../src/core/index.js';
import { Ledger } from '../../../src/portfolio/index.js';
import { maxOpenOrdersCheck, priceCollarCheck } from '../../../src/risk/index.js';
import { AAPL, amt, context, denial, fill, intent, MSFT, workingOrder } from './helpers.js';

function working(n: number) {
  return Array.from({ length: n }, () => workingOrder(intent({ symbol: MSFT, type: 'LIMIT', limitPrice: amt(10) })));
}

describe('maxOpenOrdersCheck', () => {
  const check = maxOpenOrdersCheck(3);

  it('passes below the limit and denies MAX_OPEN_ORDERS at it', () => {
    expect(check.check(intent(), context({ openOrders: working(2) })).ok).toBe(true);
    const reason = denial(check.check(intent(), context({ openOrders: working(3) })));
    expect(reason.code).toBe(DenialCode.MAX_OPEN_ORDERS);
    expect(reason.context).toEqual({ open: 3, max: 3 });
  });

  it('lets an exit through at the limit, but not one that would flip the position', () => {
    const ledger = new Ledger(amt(100_000));
    fill(ledger, AAPL, 'BUY', 50, 100);
    const ctx = context({ ledger, openOrders: working(3) });
    expect(check.check(intent({ side: 'SELL', qty: amt(50) }), ctx).ok).toBe(true);
    expect(denial(check.check(intent({ side: 'SELL', qty: amt(60) }), ctx)).code).toBe(DenialCode.MAX_OPEN_ORDERS);
  });
});

describe('priceCollarCheck', () => {
  const check = priceCollarCheck(5);
  const ctx = context({ prices: { AAPL: 100 } });

  it('passes market orders, which carry no price', () => {
    expect(check.check(intent(), context({ prices: {} })).ok).toBe(true);
  });

  it('passes a limit exactly at the collar edge and denies PRICE_COLLAR just beyond, either side', () => {
    expect(check.check(intent({ type: 'LIMIT', limitPrice: amt(105) }), ctx).ok).toBe(true);
    expect(check.check(intent({ type: 'LIMIT', limitPrice: amt(95) }), ctx).ok).toBe(true);
    const high = denial(check.check(intent({ type: 'LIMIT', limitPrice: amt(105.01) }), ctx));
    expect(high.code).toBe(DenialCode.PRICE_COLLAR);
    expect(high.context).toEqual({ price: '105.01', last: '100', maxPct: '5' });
    expect(denial(check.check(intent({ side: 'SELL', type: 'LIMIT', limitPrice: amt(94.99) }), ctx)).code).toBe(DenialCode.PRICE_COLLAR);
  });

  it('collars stop prices and both prices of a stop-limit', () => {
    expect(denial(check.check(intent({ type: 'STOP', stopPrice: amt(80) }), ctx)).code).toBe(DenialCode.PRICE_COLLAR);
    const stopLimit = intent({ type: 'STOP_LIMIT', stopPrice: amt(102), limitPrice: amt(120) });
    expect(denial(check.check(stopLimit, ctx)).context?.price).toBe('120');
    expect(check.check(intent({ type: 'STOP_LIMIT', stopPrice: amt(102), limitPrice: amt(103) }), ctx).ok).toBe(true);
  });

  it('collars exits too (it guards against fat fingers, not exposure)', () => {
    const ledger = new Ledger(amt(100_000));
    fill(ledger, AAPL, 'BUY', 10, 100);
    const exit = intent({ side: 'SELL', type: 'LIMIT', limitPrice: amt(50) });
    expect(denial(check.check(exit, context({ ledger, prices: { AAPL: 100 } }))).code).toBe(DenialCode.PRICE_COLLAR);
  });

  it('denies NO_MARKET_DATA for a priced order with no last price', () => {
    expect(denial(check.check(intent({ type: 'LIMIT', limitPrice: amt(100) }), context({ prices: {} }))).code).toBe(DenialCode.NO_MARKET_DATA);
  });
});
