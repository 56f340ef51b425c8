import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildReport } from './build-report.js';
import { reportCsv } from './report-csv.js';
import type { BacktestResult } from './report-input.js';

/** The file names {@link writeReportFiles} writes, in the order it writes them. */
export const REPORT_FILE_NAMES = ['report.json', 'trades.csv', 'orders.csv', 'equity.csv'] as const;

/**
 * Creates `dir` (and its parents) and writes `report.json` (the {@link buildReport} object,
 * two-space indented, with a final newline), `trades.csv`, `orders.csv` and `equity.csv` into it,
 * replacing files of those names. Returns the path of `report.json` and the paths of all files
 * written. The bytes depend on `result` alone, so two runs of one backtest write equal files.
 */
export async function writeReportFiles(
  dir: string,
  result: BacktestResult,
): Promise<{ reportPath: string; files: string[] }> {
  await mkdir(dir, { recursive: true });
  const contents: Record<(typeof REPORT_FILE_NAMES)[number], string> = {
    'report.json': `${JSON.stringify(buildReport(result), null, 2)}\n`,
    'trades.csv': reportCsv.trades(result.trades),
    'orders.csv': reportCsv.orders(result.orders),
    'equity.csv': reportCsv.equity(result.equity),
  };
  const files: string[] = [];
  for (const name of REPORT_FILE_NAMES) {
    const path = join(dir, name);
    await writeFile(path, contents[name], 'utf8');
    files.push(path);
  }
  return { reportPath: join(dir, 'report.json'), files };
}
