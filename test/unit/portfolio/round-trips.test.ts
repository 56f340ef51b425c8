import { describe, expect, it } from 'vitest';
import { Ledger, type RoundTrip } from '../../../src/portfolio/index.js';
import { amt, fill } from '../../support/builders.js';

/** Applies the fills to a fresh ledger and returns every round trip they closed. */
function trips(...fills: ReturnType<typeof fill>[]): RoundTrip[] {
  const l = new Ledger(amt('100000'));
  return fills.flatMap((f) => {
    const { trip } = l.applyFill(f);
    return trip === undefined ? [] : [trip];
  });
}

describe('round trips through Ledger.applyFill', () => {
  it('report nothing while a position is still open', () => {
    expect(trips(fill({ side: 'BUY', qty: 100, price: 10 }), fill({ side: 'SELL', qty: 50, price: 11 }))).toEqual([]);
  });

  it('close a long with PnL net of both commissions', () => {
    const [t] = trips(
      fill({ side: 'BUY', qty: 100, price: 10, commission: 1, ts: 100 }),
      fill({ side: 'SELL', qty: 100, price: 12, commission: 1.5, ts: 200 }),
    );
    expect(t).toEqual({
      symbol: 'T', side: 'LONG', qty: amt('100'), entryTs: 100, exitTs: 200,
      entryPrice: amt('10'), exitPrice: amt('12'), pnl: amt('197.5'), commission: amt('2.5'),
    });
  });

  it('use volume-weighted entry and exit prices for scaled trades', () => {
    const [t] = trips(
      fill({ side: 'BUY', qty: 100, price: 10, ts: 1 }),
      fill({ side: 'BUY', qty: 300, price: 14, ts: 2 }),
      fill({ side: 'SELL', qty: 200, price: 15, ts: 3 }),
      fill({ side: 'SELL', qty: 200, price: 17, ts: 4 }),
    );
    expect(t).toMatchObject({ qty: amt('400'), entryTs: 1, exitTs: 4, entryPrice: amt('13'), exitPrice: amt('16'), pnl: amt('1200') });
  });

  it('close a short with side SHORT and a profit when the price fell', () => {
    const [t] = trips(fill({ side: 'SELL', qty: 50, price: 20, commission: 1 }), fill({ side: 'BUY', qty: 50, price: 18, commission: 1 }));
    expect(t).toMatchObject({ side: 'SHORT', entryPrice: amt('20'), exitPrice: amt('18'), pnl: amt('98'), commission: amt('2') });
  });

  it('split a flip fill: its commission is shared pro rata between the closed and the new trip', () => {
    const result = trips(
      fill({ side: 'BUY', qty: 100, price: 10, commission: 1, ts: 1 }),
      fill({ side: 'SELL', qty: 150, price: 12, commission: 3, ts: 2 }),
      fill({ side: 'BUY', qty: 50, price: 11, commission: 0, ts: 3 }),
    );
    expect(result).toHaveLength(2);
    expect(result[0]).toMatchObject({ side: 'LONG', qty: amt('100'), commission: amt('3'), pnl: amt('197'), exitPrice: amt('12') });
    expect(result[1]).toMatchObject({
      side: 'SHORT', qty: amt('50'), entryTs: 2, exitTs: 3, entryPrice: amt('12'), exitPrice: amt('11'), commission: amt('1'), pnl: amt('49'),
    });
  });

  it('track symbols independently', () => {
    const result = trips(
      fill({ symbol: 'A', side: 'BUY', qty: 1, price: 10 }),
      fill({ symbol: 'B', side: 'SELL', qty: 1, price: 10 }),
      fill({ symbol: 'A', side: 'SELL', qty: 1, price: 11 }),
      fill({ symbol: 'B', side: 'BUY', qty: 1, price: 12 }),
    );
    expect(result.map((t) => [t.symbol, t.side, t.pnl])).toEqual([['A', 'LONG', amt('1')], ['B', 'SHORT', amt('-2')]]);
  });

  it('a losing long has negative PnL', () => {
    const [t] = trips(fill({ side: 'BUY', qty: 10, price: 10 }), fill({ side: 'SELL', qty: 10, price: 9.5, commission: 0.25 }));
    expect(t?.pnl).toBe(amt('-5.25'));
  });
});
