import { describe, expect, it } from 'vitest';
import { toSymbol } from '../../../src/core/index.js';
import { Ledger } from '../../../src/portfolio/index.js';
import { amt, fill } from '../../support/builders.js';

const T = toSymbol('T');
const U = toSymbol('U');

describe('Ledger long positions', () => {
  it('buy then sell: cash, realised PnL and equity', () => {
    const l = new Ledger(amt('10000'));
    l.applyFill(fill({ side: 'BUY', qty: 100, price: 50 }));
    expect(l.cash).toBe(amt('5000'));
    expect(l.equity).toBe(amt('10000'));
    expect(l.position(T)).toMatchObject({ qty: amt('100'), avgPrice: amt('50') });
    const { change } = l.applyFill(fill({ side: 'SELL', qty: 100, price: 55 }));
    expect(change.realized).toBe(amt('500'));
    expect(l.cash).toBe(amt('10500'));
    expect(l.equity).toBe(amt('10500'));
    expect(l.position(T)).toBeUndefined();
    expect(l.positions()).toEqual([]);
  });

  it('marks move equity but not cash; the mark is remembered as last price', () => {
    const l = new Ledger(amt('10000'));
    l.applyFill(fill({ side: 'BUY', qty: 100, price: 50 }));
    l.mark(T, 52.5);
    expect(l.equity).toBe(amt('10250'));
    expect(l.cash).toBe(amt('5000'));
    expect(l.lastPrice(T)).toBe(52.5);
    expect(l.grossExposure).toBe(amt('5250'));
  });

  it('averages the price on adds', () => {
    const l = new Ledger(amt('10000'));
    l.applyFill(fill({ side: 'BUY', qty: 100, price: 50 }));
    l.applyFill(fill({ side: 'BUY', qty: 100, price: 54 }));
    expect(l.position(T)?.avgPrice).toBe(amt('52'));
    expect(l.equity).toBe(amt('10400'));
  });

  it('commission reduces cash and equity and is totalled', () => {
    const l = new Ledger(amt('10000'));
    l.applyFill(fill({ side: 'BUY', qty: 100, price: 50, commission: 5 }));
    l.applyFill(fill({ side: 'SELL', qty: 100, price: 50, commission: 5 }));
    expect(l.cash).toBe(amt('9990'));
    expect(l.equity).toBe(amt('9990'));
    expect(l.commission).toBe(amt('10'));
  });

  it('ignores marks of symbols it holds nothing in, except as last price', () => {
    const l = new Ledger(amt('1000'));
    l.mark(U, 10);
    expect(l.equity).toBe(amt('1000'));
    expect(l.lastPrice(U)).toBe(10);
    expect(l.isExposed()).toBe(false);
  });
});

describe('Ledger short positions', () => {
  it('sell 100 @ 50 from flat: qty -100, cash +5000, equity unchanged', () => {
    const l = new Ledger(amt('10000'));
    l.applyFill(fill({ side: 'SELL', qty: 100, price: 50 }));
    expect(l.position(T)).toMatchObject({ qty: amt('-100'), avgPrice: amt('50') });
    expect(l.cash).toBe(amt('15000'));
    expect(l.equity).toBe(amt('10000'));
  });

  it('mark at 45 raises equity by 500; buying back at 45 realises +500', () => {
    const l = new Ledger(amt('10000'));
    l.applyFill(fill({ side: 'SELL', qty: 100, price: 50 }));
    l.mark(T, 45);
    expect(l.equity).toBe(amt('10500'));
    expect(l.grossExposure).toBe(amt('4500'));
    const { change, trip } = l.applyFill(fill({ side: 'BUY', qty: 100, price: 45 }));
    expect(change.realized).toBe(amt('500'));
    expect(l.cash).toBe(amt('10500'));
    expect(l.equity).toBe(amt('10500'));
    expect(trip).toMatchObject({ side: 'SHORT', pnl: amt('500'), entryPrice: amt('50'), exitPrice: amt('45') });
  });

  it('a losing short: mark above the entry lowers equity', () => {
    const l = new Ledger(amt('10000'));
    l.applyFill(fill({ side: 'SELL', qty: 100, price: 50 }));
    l.mark(T, 53);
    expect(l.equity).toBe(amt('9700'));
  });
});

describe('Ledger flips', () => {
  it('long 100 → short 50 with one sell of 150 realises on 100 and opens at the fill price', () => {
    const l = new Ledger(amt('10000'));
    l.applyFill(fill({ side: 'BUY', qty: 100, price: 50, ts: 1 }));
    const { change, trip } = l.applyFill(fill({ side: 'SELL', qty: 150, price: 55, ts: 2 }));
    expect(change.realized).toBe(amt('500'));
    expect(l.position(T)).toMatchObject({ qty: amt('-50'), avgPrice: amt('55') });
    expect(l.cash).toBe(amt('13250'));
    expect(l.equity).toBe(amt('10500'));
    expect(trip).toMatchObject({ side: 'LONG', qty: amt('100'), entryTs: 1, exitTs: 2, pnl: amt('500') });
  });
});

describe('Ledger exposure', () => {
  it('isExposed follows open positions, long or short', () => {
    const l = new Ledger(amt('10000'));
    expect(l.isExposed()).toBe(false);
    l.applyFill(fill({ side: 'SELL', qty: 10, price: 50 }));
    expect(l.isExposed()).toBe(true);
    l.applyFill(fill({ side: 'BUY', qty: 10, price: 50 }));
    expect(l.isExposed()).toBe(false);
  });

  it('grossExposure sums absolute values across longs and shorts; equity nets them', () => {
    const l = new Ledger(amt('10000'));
    l.applyFill(fill({ side: 'BUY', qty: 10, price: 100 }));
    l.applyFill(fill({ symbol: 'U', side: 'SELL', qty: 20, price: 25 }));
    expect(l.grossExposure).toBe(amt('1500'));
    expect(l.equity).toBe(amt('10000'));
    l.mark(T, 110);
    l.mark(U, 20);
    expect(l.grossExposure).toBe(amt('1500'));
    expect(l.equity).toBe(amt('10200'));
    expect(l.positions().map((p) => p.symbol)).toEqual(['T', 'U']);
  });

  it('closing a position drops its exposure to zero', () => {
    const l = new Ledger(amt('10000'));
    l.applyFill(fill({ side: 'BUY', qty: 10, price: 100 }));
    l.applyFill(fill({ side: 'SELL', qty: 10, price: 100 }));
    l.mark(T, 500);
    expect(l.grossExposure).toBe(0n);
    expect(l.equity).toBe(amt('10000'));
  });
});
