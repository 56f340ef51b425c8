import { describe, expect, it } from 'vitest';
import { DenialCode, toSymbol } from '../../../src/core/index.js';
import { Ledger } from '../../../src/portfolio/index.js';
import {
  allowedSymbolsCheck, maxOrderNotionalCheck, maxOrderQtyCheck, maxPositionCheck, orderShapeCheck,
} from '../../../src/risk/index.js';
import { AAPL, amt, context, denial, fill, intent, MSFT, workingOrder } from './helpers.js';

describe('orderShapeCheck', () => {
  const check = orderShapeCheck();
  const ctx = context();

  it('passes a well-formed market, limit, stop and stop-limit order', () => {
    expect(check.check(intent(), ctx).ok).toBe(true);
    expect(check.check(intent({ type: 'LIMIT', limitPrice: amt(99) }), ctx).ok).toBe(true);
    expect(check.check(intent({ type: 'STOP', stopPrice: amt(101) }), ctx).ok).toBe(true);
    expect(check.check(intent({ type: 'STOP_LIMIT', stopPrice: amt(101), limitPrice: amt(102) }), ctx).ok).toBe(true);
  });

  it.each([
    ['zero quantity', intent({ qty: 0n }), /quantity must be positive/],
    ['negative quantity', intent({ qty: -amt(1) }), /quantity must be positive/],
    ['limit order without a limit price', intent({ type: 'LIMIT' }), /needs a limit price/],
    ['stop price on a market order', intent({ stopPrice: amt(90) }), /takes no stop price/],
    ['limit price on a market order', intent({ limitPrice: amt(90) }), /takes no limit price/],
    ['stop order without a stop price', intent({ type: 'STOP' }), /needs a stop price/],
    ['non-positive limit price', intent({ type: 'LIMIT', limitPrice: 0n }), /limit price must be positive/],
  ])('denies INVALID_ORDER for %s, as a value', (_name, bad, message) => {
    let verdict: ReturnType<typeof check.check> | undefined;
    expect(() => { verdict = check.check(bad, ctx); }).not.toThrow();
    const reason = denial(verdict ?? { ok: true });
    expect(reason.code).toBe(DenialCode.INVALID_ORDER);
    expect(reason.message).toMatch(message);
  });
});

describe('maxOrderQtyCheck', () => {
  const check = maxOrderQtyCheck(amt(100));

  it('passes an order exactly at the limit', () => {
    expect(check.check(intent({ qty: amt(100) }), context()).ok).toBe(true);
  });

  it('denies MAX_ORDER_QTY_EXCEEDED one share over, with qty and max in the context', () => {
    const reason = denial(check.check(intent({ qty: amt(101) }), context()));
    expect(reason.code).toBe(DenialCode.MAX_ORDER_QTY_EXCEEDED);
    expect(reason.context).toEqual({ qty: '101', max: '100' });
  });

  it('keeps fractional quantities exact', () => {
    const reason = denial(maxOrderQtyCheck(amt(0.5)).check(intent({ qty: amt(0.50000001) }), context()));
    expect(reason.context).toEqual({ qty: '0.50000001', max: '0.5' });
  });
});

describe('maxOrderNotionalCheck', () => {
  const check = maxOrderNotionalCheck(amt(10_000));

  it('values a market order at the last price', () => {
    expect(check.check(intent({ qty: amt(100) }), context({ prices: { AAPL: 100 } })).ok).toBe(true);
    const reason = denial(check.check(intent({ qty: amt(100) }), context({ prices: { AAPL: 100.01 } })));
    expect(reason.code).toBe(DenialCode.MAX_NOTIONAL_EXCEEDED);
    expect(reason.context).toEqual({ notional: '10001.00', max: '10000.00' });
  });

  it('values a limit order at its limit price, not the last price', () => {
    const ctx = context({ prices: { AAPL: 100 } });
    const reason = denial(check.check(intent({ qty: amt(100), type: 'LIMIT', limitPrice: amt(120) }), ctx));
    expect(reason.code).toBe(DenialCode.MAX_NOTIONAL_EXCEEDED);
    expect(reason.context).toEqual({ notional: '12000.00', max: '10000.00' });
    const cheap = context({ prices: { AAPL: 500 } });
    expect(check.check(intent({ qty: amt(100), type: 'LIMIT', limitPrice: amt(90) }), cheap).ok).toBe(true);
  });

  it('values a stop order at its stop price', () => {
    const reason = denial(check.check(intent({ qty: amt(100), type: 'STOP', stopPrice: amt(150) }), context()));
    expect(reason.context).toEqual({ notional: '15000.00', max: '10000.00' });
  });

  it('denies NO_MARKET_DATA for a market order on a symbol never priced', () => {
    const reason = denial(check.check(intent({ symbol: MSFT }), context({ prices: { AAPL: 100 } })));
    expect(reason.code).toBe(DenialCode.NO_MARKET_DATA);
    expect(reason.message).toContain('MSFT');
  });

  it('needs no market data for a limit order', () => {
    expect(check.check(intent({ symbol: MSFT, type: 'LIMIT', limitPrice: amt(10) }), context({ prices: {} })).ok).toBe(true);
  });
});

describe('maxPositionCheck', () => {
  const check = maxPositionCheck(amt(100));

  it('passes a buy that reaches the limit exactly and denies one share more', () => {
    const ledger = new Ledger(amt(1_000_000));
    fill(ledger, AAPL, 'BUY', 60, 100);
    expect(check.check(intent({ qty: amt(40) }), context({ ledger })).ok).toBe(true);
    const reason = denial(check.check(intent({ qty: amt(41) }), context({ ledger })));
    expect(reason.code).toBe(DenialCode.MAX_POSITION_EXCEEDED);
    expect(reason.context).toEqual({ projected: '101', max: '100' });
  });

  it('counts working open orders in the same direction (only their unfilled part)', () => {
    const ledger = new Ledger(amt(1_000_000));
    fill(ledger, AAPL, 'BUY', 50, 100);
    const working = workingOrder(intent({ qty: amt(40) }), amt(10));
    const reason = denial(check.check(intent({ qty: amt(21) }), context({ ledger, openOrders: [working] })));
    expect(reason.context).toEqual({ projected: '101', max: '100' });
    expect(check.check(intent({ qty: amt(20) }), context({ ledger, openOrders: [working] })).ok).toBe(true);
  });

  it('ignores working orders in the other direction or another symbol', () => {
    const ledger = new Ledger(amt(1_000_000));
    fill(ledger, AAPL, 'BUY', 90, 100);
    const others = [
      workingOrder(intent({ side: 'SELL', qty: amt(50) })),
      workingOrder(intent({ symbol: MSFT, qty: amt(500) })),
    ];
    expect(check.check(intent({ qty: amt(10) }), context({ ledger, openOrders: others })).ok).toBe(true);
  });

  it('applies to shorts by absolute size', () => {
    const ctx = context({ openOrders: [workingOrder(intent({ side: 'SELL', qty: amt(70) }))] });
    const reason = denial(check.check(intent({ side: 'SELL', qty: amt(31) }), ctx));
    expect(reason.context).toEqual({ projected: '101', max: '100' });
  });

  it('lets a reducing order pass even when the position is already over the limit', () => {
    const ledger = new Ledger(amt(1_000_000));
    fill(ledger, AAPL, 'BUY', 150, 100);
    expect(check.check(intent({ side: 'SELL', qty: amt(10) }), context({ ledger })).ok).toBe(true);
    expect(denial(check.check(intent({ qty: amt(1) }), context({ ledger }))).code).toBe(DenialCode.MAX_POSITION_EXCEEDED);
  });

  it('denies a sell that flips a long into a short beyond the limit', () => {
    const ledger = new Ledger(amt(1_000_000));
    fill(ledger, AAPL, 'BUY', 50, 100);
    const reason = denial(check.check(intent({ side: 'SELL', qty: amt(151) }), context({ ledger })));
    expect(reason.context).toEqual({ projected: '101', max: '100' });
  });
});

describe('allowedSymbolsCheck', () => {
  const check = allowedSymbolsCheck([AAPL, toSymbol('spy')]);

  it('passes listed symbols', () => {
    expect(check.check(intent(), context()).ok).toBe(true);
    expect(check.check(intent({ symbol: toSymbol('SPY') }), context()).ok).toBe(true);
  });

  it('denies SYMBOL_NOT_ALLOWED for anything else, naming the symbol', () => {
    const reason = denial(check.check(intent({ symbol: MSFT }), context()));
    expect(reason.code).toBe(DenialCode.SYMBOL_NOT_ALLOWED);
    expect(reason.message).toContain('MSFT');
    expect(reason.message).toContain('AAPL, SPY');
  });
});
