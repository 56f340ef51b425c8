import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { expandBar, splitVolume } from '../../../src/aries-sim/replay/index.js';
import { Rng } from '../../../src/time/index.js';
import { minuteBar, OPEN_0102, rebuild, tradesOf } from './helpers.js';

describe('expandBar', () => {
  it('goes O→L→H→C on an up bar and O→H→L→C on a down bar', () => {
    const up = tradesOf(expandBar(minuteBar('AAPL', OPEN_0102, 10, 12, 9, 11, 400), new Rng(1)));
    expect(up.map((t) => t.price)).toEqual([10, 9, 12, 11]);
    const down = tradesOf(expandBar(minuteBar('AAPL', OPEN_0102, 10, 12, 9, 9.5, 400), new Rng(1)));
    expect(down.map((t) => t.price)).toEqual([10, 12, 9, 9.5]);
  });

  it('puts a one-tick quote before every trade, at the trade time, inside [ts, tsEnd)', () => {
    const bar = minuteBar('AAPL', OPEN_0102, 10, 12, 9, 11, 400);
    const ticks = expandBar(bar, new Rng(3));
    expect(ticks.map((t) => t.kind)).toEqual(['quote', 'trade', 'quote', 'trade', 'quote', 'trade', 'quote', 'trade']);
    for (let i = 0; i < ticks.length; i += 2) {
      const q = ticks[i];
      const t = ticks[i + 1];
      if (q?.kind !== 'quote' || t?.kind !== 'trade') throw new Error('bad pair');
      expect(q.ts).toBe(t.ts);
      expect(Math.round((q.ask - q.bid) * 100)).toBe(1);
      expect(t.price === q.bid || t.price === q.ask).toBe(true);
      expect(t.ts).toBeGreaterThanOrEqual(bar.ts);
      expect(t.ts).toBeLessThan(bar.tsEnd);
    }
  });

  it('seeded order decides high/low by the Rng, deterministically', () => {
    const bar = minuteBar('AAPL', OPEN_0102, 10, 12, 9, 11, 400);
    const orders = [1, 2, 3, 4, 5, 6, 7, 8].map((seed) => tradesOf(expandBar(bar, new Rng(seed), { pathOrder: 'seeded' }))[1]?.price);
    expect(new Set(orders)).toEqual(new Set([9, 12]));
    const again = [1, 2, 3, 4, 5, 6, 7, 8].map((seed) => tradesOf(expandBar(bar, new Rng(seed), { pathOrder: 'seeded' }))[1]?.price);
    expect(again).toEqual(orders);
  });

  it('rebuilds exactly the source bar from its trades (property)', () => {
    const price = fc.integer({ min: 1, max: 100_000 }).map((c) => c / 100);
    fc.assert(
      fc.property(fc.array(price, { minLength: 4, maxLength: 4 }), fc.integer({ min: 0, max: 10_000_000 }), fc.integer(), (ps, volume, seed) => {
        const [a, b, c, d] = ps as [number, number, number, number];
        const high = Math.max(a, b, c, d);
        const low = Math.min(a, b, c, d);
        const bar = minuteBar('X', OPEN_0102, a, high, low, d, volume);
        expect(rebuild(tradesOf(expandBar(bar, new Rng(seed))), bar)).toEqual(bar);
      }),
    );
  });

  it('splits a fractional volume so the left-to-right sum is exact', () => {
    const parts = splitVolume(1234.56, new Rng(9));
    expect(parts.reduce((s, p) => s + p, 0)).toBe(1234.56);
    expect(parts.slice(0, 3).every((p) => Number.isInteger(p) && p >= 0)).toBe(true);
  });
});
