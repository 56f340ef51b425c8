import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toSymbol } from '../../../src/core/index.js';
import type { Bar } from '../../../src/core/index.js';
import { mergeBars, openBarFile } from '../../../src/data/index.js';
import { collect, sessionOf, YHOO } from './fixtures.js';

const bar = (symbol: string, tsEnd: number): Bar => ({
  kind: 'bar', symbol: toSymbol(symbol), ts: tsEnd - 1, tsEnd, open: 1, high: 1, low: 1, close: 1, volume: 0,
});

/** An in-memory source that records whether it was closed. */
function source(symbol: string, times: readonly number[], failAfter?: number) {
  const state = { closed: false };
  async function* gen(): AsyncGenerator<Bar> {
    try {
      for (let i = 0; i < times.length; i += 1) {
        if (i === failAfter) throw new Error(`${symbol} broke`);
        yield bar(symbol, times[i] ?? 0);
      }
    } finally {
      state.closed = true;
    }
  }
  return { bars: gen(), state };
}

const label = (b: Bar): string => `${b.symbol}${b.tsEnd}`;

describe('mergeBars', () => {
  it('orders by tsEnd, ties in source order', async () => {
    const sources = [source('A', [1, 3, 5]), source('B', [2, 3, 6]), source('C', [3, 4])];
    const merged = await collect(mergeBars(sources.map((s) => s.bars)));
    expect(merged.map(label)).toEqual(['A1', 'B2', 'A3', 'B3', 'C3', 'C4', 'A5', 'B6']);
  });

  it('handles no sources and empty sources', async () => {
    expect(await collect(mergeBars([]))).toEqual([]);
    const merged = await collect(mergeBars([source('A', []).bars, source('B', [7]).bars]));
    expect(merged.map(label)).toEqual(['B7']);
  });

  it('closes every source when the consumer stops early', async () => {
    const sources = [source('A', [1, 2, 3]), source('B', [1, 2, 3]), source('C', [5])];
    for await (const b of mergeBars(sources.map((s) => s.bars))) if (b.tsEnd === 2) break;
    expect(sources.map((s) => s.state.closed)).toEqual([true, true, true]);
  });

  it('passes on a source failure and closes the others', async () => {
    const sources = [source('A', [1, 2, 3]), source('B', [1, 2, 3], 2)];
    await expect(collect(mergeBars(sources.map((s) => s.bars)))).rejects.toThrow('B broke');
    expect(sources.map((s) => s.state.closed)).toEqual([true, true]);
  });

  it('is a stable sort of its inputs (property)', async () => {
    const sorted = fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 12 }).map((xs) => [...xs].sort((a, b) => a - b));
    await fc.assert(
      fc.asyncProperty(fc.array(sorted, { maxLength: 6 }), async (lists) => {
        const merged = await collect(mergeBars(lists.map((times, i) => source(`S${i}`, times).bars)));
        const expected = lists
          .flatMap((times, i) => times.map((t, j) => ({ t, i, j })))
          .sort((a, b) => a.t - b.t || a.i - b.i || a.j - b.j)
          .map(({ t, i }) => `S${i}${t}`);
        expect(merged.map(label)).toEqual(expected);
      }),
    );
  });

  it('merges real file sources by close time', async () => {
    const a = await openBarFile({ path: YHOO, sessionOf, symbol: 'A' });
    const b = await openBarFile({ path: YHOO, sessionOf, symbol: 'B' });
    const merged = await collect(mergeBars([a.bars(), b.bars()]));
    expect(merged).toHaveLength(2 * 4713);
    expect(merged.every((x, i) => x.symbol === (i % 2 === 0 ? 'A' : 'B'))).toBe(true);
    expect(merged.every((x, i) => i === 0 || x.tsEnd >= (merged[i - 1]?.tsEnd ?? 0))).toBe(true);
  });
});
