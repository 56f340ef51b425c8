import { describe, expect, it } from 'vitest';
import { createRandomWalkFeed, createReplayFeed, randomWalkBars } from '../../../src/aries-sim/replay/index.js';
import type { ReplayFeed } from '../../../src/aries-sim/replay/index.js';
import type { SimMarketStatus } from '../../../src/aries-sim/sim-ports.js';
import { toSymbol } from '../../../src/core/index.js';
import type { Bar, Quote, Trade } from '../../../src/core/index.js';
import { NyseCalendar } from '../../../src/time/index.js';
import { CLOSE_0102, MINUTE, minuteBar, OPEN_0102, OPEN_0103, rebuild, tradesOf } from './helpers.js';

type Seen = { ticks: (Quote | Trade)[]; bars: Bar[]; log: string[]; statuses: SimMarketStatus[] };

function record(feed: ReplayFeed): Seen {
  const seen: Seen = { ticks: [], bars: [], log: [], statuses: [] };
  feed.ticks$.subscribe((t) => {
    seen.ticks.push(t);
    seen.log.push(`${t.kind}:${t.symbol}:${t.ts}`);
  });
  feed.bars$.subscribe((b) => {
    seen.bars.push(b);
    seen.log.push(`bar:${b.symbol}:${b.tsEnd}`);
  });
  feed.status$.subscribe((s) => {
    seen.statuses.push(s);
    seen.log.push(`status:${s.market}:${s.ts}`);
  });
  return seen;
}

const twoSymbols = (): Bar[] => [
  minuteBar('AAPL', OPEN_0102, 10, 11, 9.5, 10.5, 1000),
  minuteBar('MSFT', OPEN_0102, 20, 20.5, 19, 19.5, 777),
  minuteBar('AAPL', OPEN_0102 + MINUTE, 10.5, 10.9, 10.1, 10.2, 500),
  minuteBar('MSFT', OPEN_0102 + MINUTE, 19.5, 19.8, 19.2, 19.7, 333),
];

describe('createReplayFeed', () => {
  it('emits the same ticks for the same seed, and different sizes for another seed', async () => {
    const run = async (seed: number): Promise<Seen> => {
      const feed = createRandomWalkFeed({ symbols: ['AAPL', 'MSFT'], seed, bars: 30 });
      const seen = record(feed);
      await feed.runToEnd();
      return seen;
    };
    const a = await run(5);
    const b = await run(5);
    const c = await run(6);
    expect(a.ticks.length).toBe(30 * 2 * 8);
    expect(b.ticks).toEqual(a.ticks);
    expect(b.bars).toEqual(a.bars);
    expect(c.ticks).not.toEqual(a.ticks);
  });

  it('rebuilds every source bar exactly from its trades, and emits each bar after its ticks', async () => {
    const source = [...randomWalkBars({ symbols: ['AAPL', 'MSFT'], seed: 11, bars: 50 })];
    const feed = createReplayFeed({ bars: source, seed: 1 });
    const seen = record(feed);
    expect(await feed.runToEnd()).toBe(100);
    expect(seen.bars).toEqual(source);
    const trades = tradesOf(seen.ticks);
    for (const bar of source) expect(rebuild(trades, bar)).toEqual(bar);
    for (const bar of source) {
      const barAt = seen.log.indexOf(`bar:${bar.symbol}:${bar.tsEnd}`);
      const lastTick = seen.log.findLastIndex((e) => e.startsWith(`trade:${bar.symbol}:`) && Number(e.split(':')[2]) < bar.tsEnd);
      expect(barAt).toBeGreaterThan(lastTick);
    }
  });

  it('keeps ticks of several symbols in time order and step() stops at each bar', async () => {
    const feed = createReplayFeed({ bars: twoSymbols(), seed: 2 });
    const seen = record(feed);
    const first = await feed.step();
    expect(first?.symbol).toBe(toSymbol('AAPL'));
    expect(seen.ticks.every((t, i) => i === 0 || (seen.ticks[i - 1]?.ts ?? 0) <= t.ts)).toBe(true);
    // Both symbols' first-minute ticks come before the first bar closes.
    expect(new Set(seen.ticks.map((t) => t.symbol))).toEqual(new Set(['AAPL', 'MSFT']));
    expect(feed.lastTrade(toSymbol('AAPL'))?.price).toBe(10.5);
    expect(feed.lastQuote(toSymbol('MSFT'))?.symbol).toBe('MSFT');
    expect(await feed.runToEnd()).toBe(3);
    expect(await feed.step()).toBeUndefined();
    await expect(feed.finished).resolves.toBeUndefined();
  });

  it('reports open during the session and closed at the close and overnight', async () => {
    const bars = [
      minuteBar('AAPL', CLOSE_0102 - 2 * MINUTE, 10, 10, 10, 10, 100),
      minuteBar('AAPL', CLOSE_0102 - MINUTE, 10, 10, 10, 10, 100),
      minuteBar('AAPL', OPEN_0103, 10, 10, 10, 10, 100),
    ];
    const feed = createReplayFeed({ bars, seed: 1, startTs: CLOSE_0102 - 3 * MINUTE });
    expect(feed.status()).toEqual({ market: 'open', ts: CLOSE_0102 - 3 * MINUTE });
    const seen = record(feed);
    await feed.step();
    await feed.step();
    expect(feed.status()).toEqual({ market: 'closed', ts: CLOSE_0102 });
    await feed.runToEnd();
    expect(seen.statuses).toEqual([
      { market: 'closed', ts: CLOSE_0102 },
      { market: 'open', ts: OPEN_0103 },
    ]);
    // The close status comes before the bar that closes the session.
    expect(seen.log.indexOf(`status:closed:${CLOSE_0102}`)).toBe(seen.log.indexOf(`bar:AAPL:${CLOSE_0102}`) - 1);
  });

  it('random walk bars fall inside NYSE sessions only', () => {
    const calendar = new NyseCalendar();
    const bars = [...randomWalkBars({ symbols: ['SPY'], seed: 3, bars: 800, intervalMs: MINUTE })];
    expect(bars.length).toBe(800);
    for (const b of bars) {
      expect(calendar.isOpen(b.ts)).toBe(true);
      expect(calendar.isOpen(b.tsEnd - 1)).toBe(true);
      expect(b.low).toBeLessThanOrEqual(Math.min(b.open, b.close));
      expect(b.high).toBeGreaterThanOrEqual(Math.max(b.open, b.close));
    }
    expect(bars.at(-1)?.ts).toBeGreaterThan(OPEN_0103); // 390 bars a day: it crossed into the next session
  });

  it('refuses a non-positive speed', () => {
    expect(() => createReplayFeed({ bars: [], seed: 1, speed: 0 })).toThrow(/speed/);
  });
});
