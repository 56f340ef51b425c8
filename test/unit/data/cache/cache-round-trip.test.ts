import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isBarCacheFile, openBarCache, openBarFile, validateBarSource } from '../../../../src/data/index.js';
import { collect, fixture, nyMs, sessionOf, YHOO } from '../fixtures.js';
import { importCsv } from './cache-support.js';

describe('bar cache round trip', () => {
  it('gives back exactly the bars of the CSV, across many blocks and a short last one', async () => {
    const written = await importCsv(YHOO, 64);
    const csvBars = await collect((await openBarFile({ path: YHOO, sessionOf })).bars());
    const cached = await openBarCache({ path: written.path });
    expect(csvBars.length).toBe(4713);
    expect(4713 % 64).not.toBe(0);
    expect(await collect(cached.bars())).toEqual(csvBars);
    expect(written).toMatchObject({ symbol: 'YHOO', interval: '1d', count: 4713, firstTs: csvBars[0]?.ts, lastTs: csvBars[4712]?.ts });
    expect(written.path.endsWith('YHOO-1d.arbc')).toBe(true);
  });

  it('keeps generic bars with sub-cent prices, millisecond times and zero volume exact', async () => {
    const csv = fixture('generic-ok.csv');
    const written = await importCsv(csv, 2);
    const expected = await collect((await openBarFile({ path: csv, sessionOf })).bars());
    expect(await collect((await openBarCache({ path: written.path })).bars())).toEqual(expected);
    expect(written.interval).toBe('1m');
  });

  it('streams the same bars every time bars() is called, also after an early stop', async () => {
    const source = await openBarCache({ path: (await importCsv(YHOO, 100)).path });
    const first = await collect(source.bars());
    for await (const bar of source.bars()) {
      if (bar.ts > (first[150]?.ts ?? 0)) break;
    }
    expect(await collect(source.bars())).toEqual(first);
    expect(first.length).toBe(4713);
  });

  it('summarises from the checksum pass, matching a validating pass over the CSV', async () => {
    const range = { from: nyMs('2001-09-01T00:00'), to: nyMs('2002-01-31T23:59') };
    const csv = await openBarFile({ path: YHOO, sessionOf, ...range });
    const written = await importCsv(YHOO, 32);
    const cached = await openBarFile({ path: written.path, sessionOf, ...range });
    expect(cached.summary).toBeDefined();
    const summary = await validateBarSource(cached);
    expect(summary).toEqual(await validateBarSource(csv));
    expect(await collect(cached.bars())).toEqual(await collect(csv.bars()));
    expect(summary.bars).toBeGreaterThan(50);
  });

  it('is recognised by extension or by magic, and a CSV is not', async () => {
    const written = await importCsv(YHOO);
    expect(await isBarCacheFile(written.path)).toBe(true);
    const renamed = `${written.path.slice(0, -'.arbc'.length)}.bin`;
    await import('node:fs/promises').then((fs) => fs.copyFile(written.path, renamed));
    expect(await isBarCacheFile(renamed)).toBe(true);
    expect(await isBarCacheFile(YHOO)).toBe(false);
    expect((await openBarFile({ path: renamed, sessionOf, symbol: 'yh' })).symbol).toBe('YH');
    expect(readFileSync(written.path).subarray(0, 4).toString('latin1')).toBe('ARBC');
  });
});
