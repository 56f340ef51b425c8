import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { isRunnerError } from '../../../../src/core/index.js';
import { readReportDir, rebuildReportHtml, writeReportFiles } from '../../../../src/report/index.js';
import { tempDir } from '../../../support/temp-dir.js';
import { INJECTION, resultWithPrices } from './html-builders.js';

async function rejectsWith(promise: Promise<unknown>, code: string): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (isRunnerError(error, code)) return error.message;
    throw error;
  }
  throw new Error(`expected ${code}`);
}

describe('report.html from a backtest folder', () => {
  let dir = '';
  beforeEach(() => {
    dir = tempDir('aries-html-');
  });

  it('writeReportFiles writes report.html and report-data.json; rebuilding from the files gives the same bytes', async () => {
    const written = await writeReportFiles(dir, resultWithPrices(INJECTION));
    expect(written.htmlPath).toBe(join(dir, 'report.html'));
    expect(written.pageFiles).toEqual([join(dir, 'report-data.json'), join(dir, 'report.html')]);
    const original = await readFile(written.htmlPath, 'utf8');
    await writeFile(written.htmlPath, 'stale', 'utf8');
    expect(await rebuildReportHtml(dir)).toBe(written.htmlPath);
    expect(await readFile(written.htmlPath, 'utf8')).toBe(original);
  });

  it('reads the candles, zone and trades back from the files', async () => {
    await writeReportFiles(dir, resultWithPrices());
    const input = await readReportDir(dir);
    expect(input.timeZone).toBe('America/New_York');
    expect(input.prices[0]?.candles).toHaveLength(3);
    expect(input.prices[0]?.candles[2]).toEqual({ ts: Date.UTC(2024, 0, 4, 14, 30), open: 99, high: 125, low: 98, close: 121 });
    expect(input.trades.map((t) => t.pnl)).toEqual(['5', '-2', '3']);
    expect(input.equity.at(-1)).toEqual({ ts: Date.UTC(2024, 0, 4, 21), equity: 121 });
  });

  it('still builds a page (without price charts) when report-data.json is missing', async () => {
    await writeReportFiles(dir, resultWithPrices());
    await rm(join(dir, 'report-data.json'));
    await rebuildReportHtml(dir);
    const html = await readFile(join(dir, 'report.html'), 'utf8');
    expect(html).toContain('No price data recorded for this run.');
    expect(html).toContain('id="chart-equity"');
  });

  it('names the file and line of a malformed CSV row, and the field of a bad report.json', async () => {
    await writeReportFiles(dir, resultWithPrices());
    const equity = await readFile(join(dir, 'equity.csv'), 'utf8');
    await writeFile(join(dir, 'equity.csv'), equity.replace(',121,', ',abc,'), 'utf8');
    expect(await rejectsWith(readReportDir(dir), 'REPORT_ERR_BAD_FILE')).toContain(`${join(dir, 'equity.csv')}:7: bad number "abc"`);
    await writeFile(join(dir, 'report.json'), '{"strategy": 5}', 'utf8');
    expect(await rejectsWith(readReportDir(dir), 'REPORT_ERR_BAD_FILE')).toMatch(/report\.json: strategy: /);
    await rm(join(dir, 'report.json'));
    expect(await rejectsWith(readReportDir(dir), 'REPORT_ERR_READ')).toContain('report.json');
  });
});
