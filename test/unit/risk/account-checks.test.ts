import { describe, expect, it } from 'vitest';
import { DenialCode } from '../../../src/core/index.js';
import { Ledger } from '../../../src/portfolio/index.js';
import { buyingPower, buyingPowerCheck, marketHoursCheck } from '../../../src/risk/index.js';
import {
  AAPL, amt, context, denial, fill, intent, IN_SESSION, MOURNING_DAY, MSFT, SATURDAY, workingOrder,
} from './helpers.js';

describe('buyingPowerCheck', () => {
  const check = buyingPowerCheck();

  it('lets a cash-only account buy exactly its cash and no more', () => {
    const ctx = context({ ledger: new Ledger(amt(10_000)), prices: { AAPL: 100 } });
    expect(check.check(intent({ qty: amt(100) }), ctx).ok).toBe(true);
    const reason = denial(check.check(intent({ qty: amt(101) }), ctx));
    expect(reason.code).toBe(DenialCode.INSUFFICIENT_BUYING_POWER);
    expect(reason.context).toEqual({ required: '10100.00', available: '10000.00' });
  });

  it('counts held longs as spent: buying power is the free cash', () => {
    const ledger = new Ledger(amt(10_000));
    fill(ledger, AAPL, 'BUY', 60, 100);
    ledger.mark(AAPL, 120);
    expect(buyingPower(context({ ledger }))).toBe(amt(4_000));
    const reason = denial(check.check(intent({ symbol: MSFT, qty: amt(41) }), context({ ledger, prices: { MSFT: 100 } })));
    expect(reason.context).toEqual({ required: '4100.00', available: '4000.00' });
  });

  it('subtracts what working orders reserve, valued at their limit price', () => {
    const ledger = new Ledger(amt(10_000));
    const resting = workingOrder(intent({ qty: amt(50), type: 'LIMIT', limitPrice: amt(100) }), amt(20));
    fill(ledger, AAPL, 'BUY', 20, 100);
    const ctx = context({ ledger, openOrders: [resting], prices: { AAPL: 100 } });
    // 10 000 cash − 2 000 held − 30 unfilled × 100 reserved
    expect(buyingPower(ctx)).toBe(amt(5_000));
    expect(check.check(intent({ qty: amt(50) }), ctx).ok).toBe(true);
    expect(denial(check.check(intent({ qty: amt(51) }), ctx)).code).toBe(DenialCode.INSUFFICIENT_BUYING_POWER);
  });

  it('lets a sell that reduces a long pass with no buying power left', () => {
    const ledger = new Ledger(amt(10_000));
    fill(ledger, AAPL, 'BUY', 100, 100);
    const ctx = context({ ledger });
    expect(buyingPower(ctx)).toBe(0n);
    expect(check.check(intent({ side: 'SELL', qty: amt(100) }), ctx).ok).toBe(true);
    expect(denial(check.check(intent({ qty: amt(1) }), ctx)).code).toBe(DenialCode.INSUFFICIENT_BUYING_POWER);
  });

  it('requires buying power to open a short', () => {
    const ctx = context({ ledger: new Ledger(amt(1_000)), prices: { AAPL: 100 } });
    expect(check.check(intent({ side: 'SELL', qty: amt(10) }), ctx).ok).toBe(true);
    const reason = denial(check.check(intent({ side: 'SELL', qty: amt(11) }), ctx));
    expect(reason.code).toBe(DenialCode.INSUFFICIENT_BUYING_POWER);
    expect(reason.context).toEqual({ required: '1100.00', available: '1000.00' });
  });

  it('counts a held short against buying power', () => {
    const ledger = new Ledger(amt(1_000));
    fill(ledger, AAPL, 'SELL', 4, 100);
    expect(buyingPower(context({ ledger }))).toBe(amt(600));
    expect(check.check(intent({ qty: amt(4) }), context({ ledger })).ok).toBe(true);
  });

  it('denies NO_MARKET_DATA when a market order cannot be valued', () => {
    const reason = denial(check.check(intent(), context({ prices: {} })));
    expect(reason.code).toBe(DenialCode.NO_MARKET_DATA);
  });
});

describe('marketHoursCheck', () => {
  const check = marketHoursCheck();

  it('passes during the regular session', () => {
    expect(check.check(intent(), context({ now: IN_SESSION })).ok).toBe(true);
  });

  it('denies MARKET_CLOSED on a Saturday with the next open (Monday 09:30 New York) in the context', () => {
    const reason = denial(check.check(intent(), context({ now: SATURDAY })));
    expect(reason.code).toBe(DenialCode.MARKET_CLOSED);
    expect(reason.context).toEqual({ nextOpen: Date.parse('2025-01-13T14:30:00Z') });
    expect(reason.message).toContain('2025-01-13T14:30:00.000Z');
  });

  it('denies on 2025-01-09, the national day of mourning, pointing at the next day', () => {
    const reason = denial(check.check(intent(), context({ now: MOURNING_DAY })));
    expect(reason.code).toBe(DenialCode.MARKET_CLOSED);
    expect(reason.context).toEqual({ nextOpen: Date.parse('2025-01-10T14:30:00Z') });
  });

  it('denies at the close itself (sessions are half-open) and passes at the open', () => {
    expect(check.check(intent(), context({ now: Date.parse('2025-01-08T21:00:00Z') })).ok).toBe(false);
    expect(check.check(intent(), context({ now: Date.parse('2025-01-08T14:30:00Z') })).ok).toBe(true);
    expect(check.check(intent(), context({ now: Date.parse('2025-01-08T14:29:59.999Z') })).ok).toBe(false);
  });

  it('passes DAY and GTC orders when the run queues them for the next open', () => {
    expect(check.check(intent({ tif: 'DAY' }), context({ now: SATURDAY, queueForNextOpen: true })).ok).toBe(true);
    expect(check.check(intent({ tif: 'GTC' }), context({ now: SATURDAY, queueForNextOpen: true })).ok).toBe(true);
  });

  it('still denies IOC and FOK orders when queueing, since they cannot wait', () => {
    for (const tif of ['IOC', 'FOK'] as const) {
      const reason = denial(check.check(intent({ tif }), context({ now: SATURDAY, queueForNextOpen: true })));
      expect(reason.code).toBe(DenialCode.MARKET_CLOSED);
    }
  });
});
