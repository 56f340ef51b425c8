import { describe, expect, it } from 'vitest';
import type { Bar } from '../../../../src/core/index.js';
import { barBatches, mergeBarBatches, mergeBars, openBarCache, openBarFile, type AnyBarBatch } from '../../../../src/data/index.js';
import { collect, nyMs, sessionOf, YHOO } from '../fixtures.js';
import { importCsv } from './cache-support.js';

async function flat(batches: AsyncIterable<readonly Bar[]>): Promise<Bar[]> {
  const out: Bar[] = [];
  for await (const b of batches) out.push(...b);
  return out;
}

describe('cache column batches', () => {
  it('hand out exactly the in-range bars, block by block, with close times read without building bars', async () => {
    const range = { from: nyMs('2001-09-01T00:00'), to: nyMs('2002-01-31T23:59') };
    const source = await openBarCache({ path: (await importCsv(YHOO, 16)).path, ...range });
    const expected = await collect(source.bars());
    const seen: Bar[] = [];
    for await (const batch of source.columns()) {
      expect(batch.length).toBeGreaterThan(0);
      expect(batch.length).toBeLessThanOrEqual(16);
      for (let i = 0; i < batch.length; i += 1) {
        const bar = batch.bar(i);
        expect(batch.tsEnd(i)).toBe(bar.tsEnd);
        seen.push(bar);
      }
    }
    expect(seen).toEqual(expected);
    expect(seen.length).toBeGreaterThan(50);
  });

  it('merge like the bar-by-bar merge whatever mix of column and array sources, and a lone column source passes through', async () => {
    const written = await importCsv(YHOO, 64);
    const cacheA = await openBarCache({ path: written.path, symbol: 'A' });
    const cacheB = await openBarCache({ path: written.path, symbol: 'B' });
    const csvC = await openBarFile({ path: YHOO, sessionOf, symbol: 'C' });
    const expected = await collect(mergeBars([cacheA.bars(), csvC.bars(), cacheB.bars()]));
    const mixed: AsyncIterable<AnyBarBatch>[] = [cacheA.columns(), barBatches(csvC), cacheB.columns()];
    const merged = await flat(mergeBarBatches(mixed));
    expect(merged).toEqual(expected);
    expect(merged).toHaveLength(3 * 4713);
    expect(await flat(mergeBarBatches([cacheA.columns()]))).toEqual(await collect(cacheA.bars()));
  });

  it('stop reading and close the file when the merge stops early', async () => {
    const source = await openBarCache({ path: (await importCsv(YHOO, 32)).path });
    let n = 0;
    for await (const batch of mergeBarBatches([source.columns(), source.columns()])) {
      n += batch.length;
      if (n > 600) break;
    }
    // The file can be streamed again from the start afterwards.
    expect(await collect(source.bars())).toHaveLength(4713);
  });
});
