import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Bar } from '../../../../src/core/index.js';
import { toSymbol } from '../../../../src/core/index.js';
import { buildReport, chartData, downsampleMinMax, MAX_CHART_POINTS, PriceSampler } from '../../../../src/report/index.js';
import type { ReportPageInput } from '../../../../src/report/index.js';
import { goldenResult } from '../builders.js';

function bar(i: number, close: number, symbol = 'AAA'): Bar {
  return {
    kind: 'bar', symbol: toSymbol(symbol), ts: i * 60_000, tsEnd: (i + 1) * 60_000,
    open: close - 0.5, high: close + 1, low: close - 1, close, volume: 100,
  };
}

describe('downsampleMinMax', () => {
  it('returns a short series unchanged', () => {
    expect(downsampleMinMax([3, 1, 2], (v) => v, 10)).toEqual([3, 1, 2]);
  });

  it('keeps the first and last points and the global extremes, in order, within the limit', () => {
    fc.assert(fc.property(
      fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 50, maxLength: 2000 }),
      fc.integer({ min: 4, max: 40 }),
      (values, max) => {
        const points = values.map((v, i) => ({ i, v }));
        const kept = downsampleMinMax(points, (p) => p.v, max);
        expect(kept.length).toBeLessThanOrEqual(max);
        expect(kept[0]).toBe(points[0]);
        expect(kept.at(-1)).toBe(points.at(-1));
        expect(kept.map((p) => p.v)).toContain(Math.max(...values));
        expect(kept.map((p) => p.v)).toContain(Math.min(...values));
        kept.slice(1).forEach((p, k) => expect(p.i).toBeGreaterThan((kept[k] as { i: number }).i));
      },
    ), { seed: 6, numRuns: 200 });
  });

  it('keeps a one-point spike in a long flat series', () => {
    const values = Array.from({ length: 100_000 }, (_, i) => (i === 77_777 ? -50 : 10));
    const kept = downsampleMinMax(values.map((v, i) => [i, v] as const), (p) => p[1], 1000);
    expect(kept).toContainEqual([77_777, -50]);
  });
});

describe('PriceSampler', () => {
  it('keeps one candle per bar for short runs', () => {
    const sampler = new PriceSampler(10);
    for (let i = 0; i < 7; i += 1) sampler.add(bar(i, 10 + i));
    const [series] = sampler.result(['AAA']);
    expect(series?.candles.map((c) => c.close)).toEqual([10, 11, 12, 13, 14, 15, 16]);
  });

  it('merges long runs into at most maxCandles candles that keep the true OHLC extremes', () => {
    const sampler = new PriceSampler(8);
    const closes = Array.from({ length: 37 }, (_, i) => (i === 20 ? 500 : i === 29 ? 1 : 50 + (i % 5)));
    closes.forEach((c, i) => sampler.add(bar(i, c)));
    const candles = sampler.result(['AAA'])[0]?.candles ?? [];
    expect(candles.length).toBeLessThanOrEqual(8);
    expect(candles.length).toBeGreaterThanOrEqual(4);
    expect(candles[0]).toMatchObject({ ts: 0, open: 49.5 });
    expect(candles.at(-1)?.close).toBe(closes.at(-1));
    expect(Math.max(...candles.map((c) => c.high))).toBe(501);
    expect(Math.min(...candles.map((c) => c.low))).toBe(0);
  });

  it('keeps symbols apart and returns them in the order asked', () => {
    const sampler = new PriceSampler();
    sampler.add(bar(0, 1, 'AAA'));
    sampler.add(bar(0, 2, 'BBB'));
    sampler.add(bar(1, 3, 'AAA'));
    expect(sampler.result(['BBB', 'AAA', 'CCC']).map((s) => [s.symbol, s.candles.length])).toEqual([['BBB', 1], ['AAA', 2], ['CCC', 0]]);
  });
});

describe('chartData on a 1M-bar run', () => {
  it('downsamples every series to at most MAX_CHART_POINTS and keeps the deepest drawdown', () => {
    const n = 1_000_000;
    const sampler = new PriceSampler();
    const equity = Array.from({ length: n }, (_, i) => {
      const value = i === 654_321 ? 50_000 : 100_000 + (i % 1000);
      if (i % 10 === 0) sampler.add(bar(i, 100 + (i % 7)));
      return { ts: (i + 1) * 60_000, equity: value };
    });
    const report = buildReport(goldenResult());
    const input: ReportPageInput = { report: { ...report, startingCash: '100000.00' }, timeZone: 'UTC', equity, trades: [], prices: sampler.result(['AAA']) };
    const data = chartData(input);
    for (const series of [data.equity, data.benchmark, data.drawdown, data.prices[0]?.candles ?? []]) {
      expect(series.length).toBeGreaterThan(100);
      expect(series.length).toBeLessThanOrEqual(MAX_CHART_POINTS);
    }
    expect(data.intraday).toBe(true);
    expect(Math.min(...data.drawdown.map((p) => p[1]))).toBeCloseTo((50_000 / 100_999 - 1) * 100, 9);
  });
});
