import { describe, expect, it } from 'vitest';
import { toSymbol } from '../../../src/core/index.js';
import { applyFill, flatPosition, marketValue, unrealizedPnl, type Position } from '../../../src/portfolio/index.js';
import { amt, fill } from '../../support/builders.js';

const T = toSymbol('T');

/** Applies fills in order from flat and returns the final position. */
function through(...fills: ReturnType<typeof fill>[]): Position {
  return fills.reduce((pos, f) => applyFill(pos, f).position, flatPosition(T));
}

describe('applyFill (pure reducer)', () => {
  it('opens a long at the fill price', () => {
    const c = applyFill(flatPosition(T), fill({ side: 'BUY', qty: 100, price: 50 }));
    expect(c).toEqual({
      position: { symbol: T, qty: amt('100'), avgPrice: amt('50'), realizedPnl: 0n },
      realized: 0n, closedQty: 0n, openedQty: amt('100'),
    });
  });

  it('does not mutate its input', () => {
    const pos = flatPosition(T);
    applyFill(pos, fill({ side: 'BUY', qty: 100, price: 50 }));
    expect(pos.qty).toBe(0n);
  });

  it('averages the price on adds', () => {
    const p = through(fill({ side: 'BUY', qty: 100, price: 50 }), fill({ side: 'BUY', qty: 50, price: 56 }));
    expect(p.qty).toBe(amt('150'));
    expect(p.avgPrice).toBe(amt('52'));
  });

  it('rounds a repeating average half-even to 8 decimals', () => {
    const p = through(fill({ side: 'BUY', qty: 1, price: 10 }), fill({ side: 'BUY', qty: 2, price: 11 }));
    expect(p.avgPrice).toBe(amt('10.66666667'));
  });

  it('averages the price on adds to a short', () => {
    const p = through(fill({ side: 'SELL', qty: 100, price: 50 }), fill({ side: 'SELL', qty: 100, price: 40 }));
    expect(p).toMatchObject({ qty: amt('-200'), avgPrice: amt('45') });
  });

  it('realises PnL on a partial reduce and keeps the average', () => {
    const c = applyFill(through(fill({ side: 'BUY', qty: 100, price: 50 })), fill({ side: 'SELL', qty: 40, price: 55 }));
    expect(c.realized).toBe(amt('200'));
    expect(c.closedQty).toBe(amt('40'));
    expect(c.openedQty).toBe(0n);
    expect(c.position).toMatchObject({ qty: amt('60'), avgPrice: amt('50'), realizedPnl: amt('200') });
  });

  it('realises PnL on covering a short (profit when the price fell)', () => {
    const c = applyFill(through(fill({ side: 'SELL', qty: 100, price: 50 })), fill({ side: 'BUY', qty: 100, price: 45 }));
    expect(c.realized).toBe(amt('500'));
    expect(c.position).toMatchObject({ qty: 0n, avgPrice: 0n, realizedPnl: amt('500') });
  });

  it('flips long to short: realises on the old size, opens the rest at the fill price', () => {
    const c = applyFill(through(fill({ side: 'BUY', qty: 100, price: 50 })), fill({ side: 'SELL', qty: 150, price: 48 }));
    expect(c).toMatchObject({ realized: amt('-200'), closedQty: amt('100'), openedQty: amt('50') });
    expect(c.position).toMatchObject({ qty: amt('-50'), avgPrice: amt('48') });
  });

  it('accumulates realised PnL across trips', () => {
    const p = through(
      fill({ side: 'BUY', qty: 10, price: 10 }), fill({ side: 'SELL', qty: 10, price: 12 }),
      fill({ side: 'SELL', qty: 10, price: 12 }), fill({ side: 'BUY', qty: 10, price: 13 }),
    );
    expect(p.realizedPnl).toBe(amt('10'));
  });
});

describe('marketValue and unrealizedPnl', () => {
  it('are signed for shorts', () => {
    const short = through(fill({ side: 'SELL', qty: 100, price: 50 }));
    expect(marketValue(short.qty, amt('45'))).toBe(amt('-4500'));
    expect(unrealizedPnl(short, amt('45'))).toBe(amt('500'));
    expect(unrealizedPnl(flatPosition(T), amt('45'))).toBe(0n);
  });
});
