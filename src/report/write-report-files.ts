import { mkdir, open } from 'node:fs/promises';
import { join } from 'node:path';
import { buildReport } from './build-report.js';
import { pageInputFromResult, renderReportHtml, reportDataJson } from './html/index.js';
import { equityCsvChunks, ordersCsvChunks, tradesCsvChunks } from './report-csv.js';
import type { StreamedBacktestResult } from './report-input.js';

/** The data file names {@link writeReportFiles} writes, in the order it writes them. */
export const REPORT_FILE_NAMES = ['report.json', 'trades.csv', 'orders.csv', 'equity.csv'] as const;

/**
 * The page files {@link writeReportFiles} writes after the data files: `report-data.json` (time
 * zone and downsampled candles, which the page needs and the CSVs lack) and `report.html`.
 */
export const REPORT_PAGE_FILE_NAMES = ['report-data.json', 'report.html'] as const;

/**
 * Creates `dir` (and its parents) and writes `report.json` (the {@link buildReport} object,
 * two-space indented, with a final newline), `trades.csv`, `orders.csv` and `equity.csv`, then
 * `report-data.json` and the self-contained `report.html`, replacing files of those names.
 * Returns the path of `report.json`, the path of `report.html`, the data files' paths (`files`)
 * and the page files' paths (`pageFiles`). The bytes depend on `result` alone, so two runs of
 * one backtest write equal files; `aries-runner report DIR` rebuilds an equal report.html.
 */
export async function writeReportFiles(
  dir: string,
  result: StreamedBacktestResult,
): Promise<{ reportPath: string; htmlPath: string; files: string[]; pageFiles: string[] }> {
  await mkdir(dir, { recursive: true });
  const report = buildReport(result);
  // Built lazily, file by file: the CSVs of a long run are streamed in chunks and never held whole.
  const contents: Record<(typeof REPORT_FILE_NAMES)[number] | (typeof REPORT_PAGE_FILE_NAMES)[number], () => Iterable<string>> = {
    'report.json': () => [`${JSON.stringify(report, null, 2)}\n`],
    'trades.csv': () => tradesCsvChunks(result.trades),
    'orders.csv': () => ordersCsvChunks(result.orders),
    'equity.csv': () => equityCsvChunks(result.equity),
    'report-data.json': () => [reportDataJson(result)],
    'report.html': () => [renderReportHtml(pageInputFromResult(result, report))],
  };
  const write = async (name: keyof typeof contents): Promise<string> => {
    const path = join(dir, name);
    await writeChunks(path, contents[name]());
    return path;
  };
  const files: string[] = [];
  for (const name of REPORT_FILE_NAMES) files.push(await write(name));
  const pageFiles: string[] = [];
  for (const name of REPORT_PAGE_FILE_NAMES) pageFiles.push(await write(name));
  return { reportPath: join(dir, 'report.json'), htmlPath: join(dir, 'report.html'), files, pageFiles };
}

/** Writes `chunks` to `path` one after another (a long run's CSV can outgrow one string). */
async function writeChunks(path: string, chunks: Iterable<string>): Promise<void> {
  const file = await open(path, 'w');
  try {
    for (const chunk of chunks) await file.write(chunk, null, 'utf8');
  } finally {
    await file.close();
  }
}
