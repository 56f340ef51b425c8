import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { buildReport, writeReportFiles } from '../../../src/report/index.js';
import { tempDir } from '../../support/temp-dir.js';
import { goldenResult } from './builders.js';

describe('writeReportFiles', () => {
  let root = '';
  beforeEach(() => {
    root = tempDir('aries-report-');
  });

  it('creates nested folders and writes the four files', async () => {
    const dir = join(root, 'runs', 'a');
    const { reportPath, files } = await writeReportFiles(dir, goldenResult());
    expect(reportPath).toBe(join(dir, 'report.json'));
    expect(files).toEqual(['report.json', 'trades.csv', 'orders.csv', 'equity.csv'].map((f) => join(dir, f)));
    const json = await readFile(reportPath, 'utf8');
    expect(json).toBe(`${JSON.stringify(buildReport(goldenResult()), null, 2)}\n`);
    const orders = await readFile(join(dir, 'orders.csv'), 'utf8');
    expect(orders).toContain(',"exit, ""fast"""\n');
    const equity = await readFile(join(dir, 'equity.csv'), 'utf8');
    expect(equity.split('\n')).toHaveLength(1 + 6 + 1); // header, six points, trailing newline
  });

  it('writes byte-equal files for the same result twice', async () => {
    const first = await writeReportFiles(join(root, 'one'), goldenResult());
    const second = await writeReportFiles(join(root, 'two'), goldenResult());
    for (const [i, path] of first.files.entries()) {
      const other = second.files[i];
      expect(other).toBeDefined();
      expect((await readFile(path)).equals(await readFile(other ?? ''))).toBe(true);
    }
  });

  it('overwrites files left by an earlier run', async () => {
    const dir = join(root, 'same');
    await writeReportFiles(dir, { ...goldenResult(), seed: 1 });
    await writeReportFiles(dir, { ...goldenResult(), seed: 2 });
    const parsed: unknown = JSON.parse(await readFile(join(dir, 'report.json'), 'utf8'));
    expect(parsed).toMatchObject({ seed: 2 });
  });
});
