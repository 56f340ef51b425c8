import { execFile } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { barBatches, mergeBarBatches, openBarFile, prepareBarSources, validateBarSource, writeBarCache, type BarSource } from '../../../src/data/index.js';
import { tempDir } from '../../support/temp-dir.js';
import { barBits } from './csv-paths.js';
import { collect, expectRunnerError, sessionOf } from './fixtures.js';

const T0 = Date.UTC(2024, 0, 2, 14, 30);
const run = promisify(execFile);

/** Writes a generic CSV of `rows` one-minute bars (4-decimal prices); `bad` replaces one row's close. */
function csvFile(dir: string, name: string, rows: number, bad?: { row: number; close: string }): string {
  const lines = ['timestamp,open,high,low,close,volume'];
  for (let i = 0; i < rows; i += 1) {
    const p = 100 + ((i * 37) % 101) / 10_000;
    const close = bad?.row === i ? bad.close : (p + 0.0002).toFixed(4);
    lines.push(`${new Date(T0 + i * 60_000).toISOString()},${p.toFixed(4)},${(p + 0.0005).toFixed(4)},${(p - 0.0003).toFixed(4)},${close},${1000 + i}`);
  }
  const file = path.join(dir, name);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

const open = (file: string, extra: { from?: number; to?: number } = {}): Promise<BarSource> => openBarFile({ path: file, sessionOf, ...extra });

describe('prepareBarSources', () => {
  it('validates each CSV once and returns sources over a temporary cache equal to the CSV bars', async () => {
    const data = tempDir('aries-prepare-data-');
    const parent = tempDir('aries-prepare-tmp-');
    const a = await open(csvFile(data, 'AAA.csv', 1000));
    const b = await open(csvFile(data, 'BBB.csv', 37), { from: T0 + 5 * 60_000, to: T0 + 30 * 60_000 });
    const prepared = await prepareBarSources([a, b], { tempParent: parent, blockRows: 64 });
    expect(readdirSync(parent)).toHaveLength(1);
    expect(prepared.sources.map((s) => [s.path, s.symbol])).toEqual([[a.path, 'AAA'], [b.path, 'BBB']]);
    expect(prepared.bars).toBe(1000 + 26);
    for (const [i, csv] of [a, b].entries()) {
      const expected = await collect(csv.bars());
      const cached = prepared.sources[i] as BarSource;
      expect((await collect(cached.bars())).map(barBits)).toEqual(expected.map(barBits));
      const batched = (await collect(barBatches(cached))).flat();
      expect(cached.batches).toBeDefined();
      expect(batched.map(barBits)).toEqual(expected.map(barBits));
      expect(prepared.summaries[i]).toEqual(await validateBarSource(csv));
      expect(await validateBarSource(cached)).toEqual(prepared.summaries[i]);
    }
    await prepared.dispose();
    expect(readdirSync(parent)).toEqual([]);
    await prepared.dispose();
  });

  it('stops at the first bad row with its file:line error and leaves no folder behind', async () => {
    const data = tempDir('aries-prepare-data-');
    const parent = tempDir('aries-prepare-tmp-');
    const good = await open(csvFile(data, 'GOOD.csv', 50));
    const file = csvFile(data, 'BAD.csv', 9000, { row: 8500, close: '1e' });
    await expectRunnerError(
      prepareBarSources([good, await open(file)], { tempParent: parent, blockRows: 64 }),
      'DATA_ERR_INVALID_ROW',
      `${file}:8502: close is not a finite number: "1e"`,
    );
    expect(readdirSync(parent)).toEqual([]);
  });

  it('uses cache files as they are and makes no folder for them', async () => {
    const data = tempDir('aries-prepare-data-');
    const parent = tempDir('aries-prepare-tmp-');
    const written = await writeBarCache(await open(csvFile(data, 'CCC.csv', 20)), { outDir: data });
    const cache = await open(written.path);
    const prepared = await prepareBarSources([cache], { tempParent: parent });
    expect(prepared.sources[0]).toBe(cache);
    expect(prepared.bars).toBe(20);
    expect(readdirSync(parent)).toEqual([]);
    await prepared.dispose();
  });

  it('keeps a CSV with no bars in range as an empty source, still validated', async () => {
    const data = tempDir('aries-prepare-data-');
    const parent = tempDir('aries-prepare-tmp-');
    const early = { to: T0 - 1 };
    const prepared = await prepareBarSources([await open(csvFile(data, 'DDD.csv', 10), early)], { tempParent: parent });
    expect(prepared.bars).toBe(0);
    expect(prepared.summaries).toEqual([{ bars: 0 }]);
    expect(await collect((prepared.sources[0] as BarSource).bars())).toEqual([]);
    await prepared.dispose();
    const file = csvFile(data, 'EEE.csv', 10, { row: 9, close: 'x' });
    await expectRunnerError(prepareBarSources([await open(file, early)], { tempParent: parent }), 'DATA_ERR_INVALID_ROW', `${file}:11: close is not a finite number: "x"`);
    expect(readdirSync(parent)).toEqual([]);
  });

  it('keeps a CSV whose bar length the cache cannot hold as a validated CSV reader', async () => {
    const data = tempDir('aries-prepare-data-');
    const parent = tempDir('aries-prepare-tmp-');
    for (const intervalMs of [1.5, 2 ** 32]) {
      const csv = await openBarFile({ path: csvFile(data, 'III.csv', 20), sessionOf, intervalMs });
      const prepared = await prepareBarSources([csv], { tempParent: parent });
      const source = prepared.sources[0] as BarSource;
      expect(source.summary).toBeDefined();
      expect(prepared.summaries).toEqual([await validateBarSource(csv)]);
      expect((await collect(source.bars())).map(barBits)).toEqual((await collect(csv.bars())).map(barBits));
      await prepared.dispose();
    }
    expect(readdirSync(parent)).toEqual([]);
  });

  it('with cache: false validates once, writes nothing and keeps the CSV readers', async () => {
    const data = tempDir('aries-prepare-data-');
    const parent = tempDir('aries-prepare-tmp-');
    const csv = await open(csvFile(data, 'GGG.csv', 300));
    const prepared = await prepareBarSources([csv], { tempParent: parent, cache: false });
    expect(readdirSync(parent)).toEqual([]);
    const source = prepared.sources[0] as BarSource;
    expect(source.summary).toBeDefined();
    expect(await validateBarSource(source)).toEqual(await validateBarSource(csv));
    expect((await collect(barBatches(source))).flat().map(barBits)).toEqual((await collect(csv.bars())).map(barBits));
    const file = csvFile(data, 'HHH.csv', 30, { row: 29, close: '' });
    await expectRunnerError(prepareBarSources([await open(file)], { cache: false }), 'DATA_ERR_INVALID_ROW', `${file}:31: close is empty`);
  });

  it('with memoryBars keeps validated bars in memory while the run budget lasts, and parses the rest again', async () => {
    const data = tempDir('aries-prepare-data-');
    const a = await open(csvFile(data, 'MMA.csv', 9000));
    const b = await open(csvFile(data, 'MMB.csv', 3000));
    const c = await open(csvFile(data, 'MMC.csv', 500));
    // 9000 + 3000 > 10000: A fits and is kept (two blocks), B does not and stays a CSV reader, C fits what is left.
    const prepared = await prepareBarSources([a, b, c], { cache: false, memoryBars: 10_000 });
    const [ma, mb, mc] = prepared.sources as [BarSource, BarSource, BarSource];
    expect(ma.columns).toBeDefined();
    expect(mb.columns).toBeUndefined();
    expect(mc.columns).toBeDefined();
    expect(prepared.bars).toBe(12_500);
    for (const [kept, csv] of [[ma, a], [mc, c]] as const) {
      const expected = (await collect(csv.bars())).map(barBits);
      expect((await collect(kept.bars())).map(barBits)).toEqual(expected);
      expect((await collect(barBatches(kept))).flat().map(barBits)).toEqual(expected);
      expect(await validateBarSource(kept)).toEqual(await validateBarSource(csv));
    }
    // Merged from memory columns and a CSV reader: the same sequence as merging the three files.
    const merged = async (sources: readonly BarSource[]): Promise<string[]> => {
      const out: string[] = [];
      for await (const batch of mergeBarBatches(sources.map((s) => s.columns?.() ?? barBatches(s)))) for (const bar of batch) out.push(barBits(bar));
      return out;
    };
    expect(await merged([ma, mb, mc])).toEqual(await merged([a, b, c]));
    // A bad row still stops validation with its file and line, whatever is kept.
    const file = csvFile(data, 'MMD.csv', 30, { row: 29, close: '' });
    await expectRunnerError(prepareBarSources([await open(file)], { cache: false, memoryBars: 100 }), 'DATA_ERR_INVALID_ROW', `${file}:31: close is empty`);
  });

  it.each(['exit', 'throw'])('removes its folder at process exit when nobody disposes of it (%s)', async (how) => {
    const data = tempDir('aries-prepare-data-');
    const parent = tempDir('aries-prepare-tmp-');
    const child = path.resolve('test/unit/data/prepare-exit-child.ts');
    const result = await run(process.execPath, ['--import', 'tsx', child, parent, csvFile(data, 'FFF.csv', 100), how]).catch((e: unknown) => e);
    const stdout = typeof result === 'object' && result !== null && 'stdout' in result ? String(result.stdout) : '';
    expect(JSON.parse(stdout.trim())).toHaveLength(1);
    expect(readdirSync(parent)).toEqual([]);
  });
});
