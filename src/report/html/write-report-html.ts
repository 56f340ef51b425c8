import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readReportDir } from './read-report-dir.js';
import { renderReportHtml } from './render-report-html.js';

/**
 * Rebuilds `DIR/report.html` from the files a backtest wrote into `dir` (see `readReportDir`)
 * and returns the page's path. The page equals the one the backtest itself wrote.
 */
export async function rebuildReportHtml(dir: string): Promise<string> {
  const html = renderReportHtml(await readReportDir(dir));
  const path = join(dir, 'report.html');
  await writeFile(path, html, 'utf8');
  return path;
}
