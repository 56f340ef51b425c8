import { describe, expect, it } from 'vitest';
import { buildReport, orderListHash } from '../../../src/report/index.js';
import { amt, goldenResult, relClose } from './builders.js';

describe('buildReport', () => {
  const report = buildReport(goldenResult());

  it('lists exactly the report keys, in order', () => {
    expect(Object.keys(report)).toEqual([
      'strategy', 'params', 'symbols', 'from', 'to', 'bars', 'startingCash', 'finalEquity', 'totalReturn', 'cagr',
      'volatility', 'sharpe', 'sortino', 'maxDrawdown', 'maxDrawdownStart', 'maxDrawdownEnd', 'calmar', 'trades',
      'winRate', 'profitFactor', 'exposure', 'orders', 'fills', 'commission', 'orderListHash', 'seed',
    ]);
  });

  it('reports the identity, period and money fields', () => {
    expect(report).toMatchObject({
      strategy: 'sma-cross', symbols: ['AAPL'], from: '2024-01-02', to: '2024-01-04', bars: 6,
      startingCash: '100.00', finalEquity: '121.00', orders: 2, fills: 2, commission: '3.00', seed: 42,
    });
    expect(Object.keys(report.params)).toEqual(['allowShort', 'fast', 'slow']);
    expect(report.orderListHash).toBe(orderListHash(goldenResult().orders));
  });

  it('reports the hand-computed golden statistics', () => {
    // Day ends 110, 99, 121 from 100 → r = [0.1, −0.1, 2/9]; see return-statistics.test.ts for
    // mean 2/27 and std √1929/270.
    expect(report.totalReturn).toBe(0.21);
    const cagr = 1.21 ** 84 - 1; // (121/100)^(252/3) − 1
    expect(relClose(report.cagr, cagr)).toBe(true);
    expect(relClose(report.volatility, (Math.sqrt(1929) / 270) * Math.sqrt(252))).toBe(true);
    expect(relClose(report.sharpe, 20 * Math.sqrt(252 / 1929))).toBe(true);
    expect(relClose(report.sortino, (40 / 9) * Math.sqrt(21))).toBe(true);
    // Peak 110 on Jan 2 (the 01:00Z Jan 3 point is Jan 2 in New York) → trough 99 on Jan 3.
    expect(report.maxDrawdown).toBe(-0.1);
    expect([report.maxDrawdownStart, report.maxDrawdownEnd]).toEqual(['2024-01-02', '2024-01-03']);
    expect(relClose(report.calmar, cagr / 0.1)).toBe(true);
  });

  it('reports trade figures and exposure', () => {
    // pnl +5, −2, +3: wins 2/3; profit factor 8/2 = 4; 4 of 6 points exposed = 2/3.
    expect(report.trades).toBe(3);
    expect(report.winRate).toBe(0.666666666667);
    expect(report.profitFactor).toBe(4);
    expect(report.exposure).toBe(0.666666666667);
  });

  it('rounds every float to 12 significant digits', () => {
    for (const value of [report.cagr, report.volatility, report.sharpe, report.sortino, report.calmar]) {
      expect(value).not.toBeNull();
      expect(Number((value ?? 0).toPrecision(12))).toBe(value);
    }
  });

  it('reports nulls for a flat run without trades', () => {
    const flat = buildReport({
      ...goldenResult(), finalEquity: amt('100'), trades: [], orders: [],
      equity: goldenResult().equity.map((p) => ({ ...p, equity: 100, exposed: false })),
    });
    expect(flat).toMatchObject({
      totalReturn: 0, cagr: 0, volatility: 0, sharpe: null, sortino: null, maxDrawdown: null,
      maxDrawdownStart: null, maxDrawdownEnd: null, calmar: null, trades: 0, winRate: null, profitFactor: null,
      exposure: 0, orders: 0,
    });
  });

  it('reports nulls and no NaN for an empty equity curve and zero starting cash', () => {
    const empty = buildReport({ ...goldenResult(), equity: [], startingCash: 0n });
    expect([empty.totalReturn, empty.cagr, empty.sharpe, empty.exposure, empty.maxDrawdown]).toEqual([
      null, null, null, null, null,
    ]);
    expect(JSON.stringify(empty)).not.toMatch(/NaN|Infinity/);
  });

  it('counts a loss on the first day as a drawdown from the starting cash', () => {
    const result = goldenResult();
    const lossFirst = buildReport({ ...result, startingCash: amt('125') });
    // 125 on Jan 2 (dated `from`) → 99 on Jan 3: 99/125 − 1 = −0.208.
    expect(lossFirst.maxDrawdown).toBe(-0.208);
    expect([lossFirst.maxDrawdownStart, lossFirst.maxDrawdownEnd]).toEqual(['2024-01-02', '2024-01-03']);
  });

  it('is deterministic: two builds serialise to equal bytes', () => {
    expect(JSON.stringify(buildReport(goldenResult()), null, 2)).toBe(JSON.stringify(buildReport(goldenResult()), null, 2));
    const reordered = buildReport({ ...goldenResult(), params: { allowShort: false, fast: 10, slow: 30 } });
    expect(JSON.stringify(reordered)).toBe(JSON.stringify(report));
  });
});
