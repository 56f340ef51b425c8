import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { amountToNumber } from '../../src/core/index.js';
import { runBacktest } from '../../src/modes/index.js';
import { yhooSettings } from '../support/backtest-settings.js';

/** Daily YHOO bars as [date, open] pairs, read straight from the CSV for independent checks. */
function yhooOpens(): Map<string, number> {
  const lines = readFileSync('data/yhoo-1996-2014.csv', 'utf8').trim().split('\n').slice(1);
  return new Map(lines.map((l) => {
    const [date, open] = l.split(',');
    return [date ?? '', Number(open)];
  }));
}

describe('golden: sma-cross on YHOO 1996-2014 (config/backtest.yaml settings)', () => {
  it('pins the headline figures and the order-list hash', async () => {
    const { report } = await runBacktest(yhooSettings());
    expect(report).toMatchObject({
      strategy: 'sma-cross',
      symbols: ['YHOO'],
      from: '1996-04-12',
      to: '2014-12-31',
      bars: 4713,
      startingCash: '100000.00',
      finalEquity: '105663.6886',
      trades: 89,
      orders: 179,
      fills: 178,
      commission: '89.00',
      maxDrawdownStart: '2000-01-03',
      maxDrawdownEnd: '2001-10-31',
      orderListHash: '3f07fadc5fec4657377f7a6b1f1becaef866978937e795cb3a2508f241f6d5d6',
    });
    expect(report.totalReturn).toBeCloseTo(0.056636886, 12);
    expect(report.winRate).toBeCloseTo(39 / 89, 12);
  });

  it('fills every market order at the open of the bar after the decision (no look-ahead)', async () => {
    const { result } = await runBacktest(yhooSettings());
    const opens = yhooOpens();
    const filled = [...result.orders].filter((o) => o.status === 'FILLED');
    expect(filled.length).toBe(178);
    for (const trip of result.trades) {
      expect(trip.entryTs).toBeLessThan(trip.exitTs);
      const entryDay = new Date(trip.entryTs).toISOString().slice(0, 10);
      expect(amountToNumber(trip.entryPrice)).toBeCloseTo(opens.get(entryDay) ?? Number.NaN, 6);
    }
    const first = [...result.trades][0];
    // Hand check: the first cross-up is decided on 1996-08-13's close and fills at 1996-08-14's open 0.838542;
    // the exit is decided on 1996-09-12 and fills at 1996-09-13's open 0.828125. 100 shares, 0.5 commission per fill:
    // (0.828125 - 0.838542) * 100 - 1 = -2.0417.
    expect(first && new Date(first.entryTs).toISOString()).toBe('1996-08-14T13:30:00.000Z');
    expect(first && amountToNumber(first.pnl)).toBeCloseTo(-2.0417, 8);
    // Filled orders alternate entry, exit; each fill is strictly after the bar close that decided it.
    [...result.trades].forEach((trip, i) => {
      const entry = filled[2 * i];
      const exit = filled[2 * i + 1];
      expect(entry?.side).toBe('BUY');
      expect(exit?.side).toBe('SELL');
      expect(trip.entryTs).toBeGreaterThan(entry?.ts ?? Number.POSITIVE_INFINITY);
      expect(trip.exitTs).toBeGreaterThan(exit?.ts ?? Number.POSITIVE_INFINITY);
    });
  });

  it('equity equals starting cash plus realised PnL plus the open position at the last close', async () => {
    const { result } = await runBacktest(yhooSettings());
    const realised = [...result.trades].reduce((sum, t) => sum + t.pnl, 0n);
    // The last order (a buy decided on the final bar) never fills, so the book ends flat.
    expect([...result.orders].at(-1)?.status).toBe('NEW');
    expect(result.finalEquity).toBe(result.startingCash + realised);
  });

  it('is deterministic: two runs give identical reports and order lists', async () => {
    const a = await runBacktest(yhooSettings());
    const b = await runBacktest(yhooSettings());
    expect(JSON.stringify(b.report)).toBe(JSON.stringify(a.report));
    expect(b.result.orders).toEqual(a.result.orders);
  });
});
