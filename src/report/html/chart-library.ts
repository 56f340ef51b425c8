import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { RunnerError } from '../../core/index.js';

const STANDALONE = 'dist/lightweight-charts.standalone.production.js';
let cached: string | undefined;

/**
 * Returns the source of the lightweight-charts standalone bundle (it defines
 * `window.LightweightCharts`), read once from the installed package. Its `@license` banner is
 * kept. Throws `REPORT_ERR_CHART_LIBRARY` when the package is missing or its text could end the
 * inline `<script>` element it is placed in.
 */
export function chartLibrarySource(): string {
  if (cached !== undefined) return cached;
  let text: string;
  try {
    // The package's export map hides dist/, so locate the package through its package.json.
    const root = dirname(createRequire(import.meta.url).resolve('lightweight-charts/package.json'));
    text = readFileSync(join(root, STANDALONE), 'utf8');
  } catch (cause) {
    throw new RunnerError('REPORT_ERR_CHART_LIBRARY', `cannot read lightweight-charts/${STANDALONE}`, { cause });
  }
  if (/<\/script|<!--/i.test(text)) {
    throw new RunnerError('REPORT_ERR_CHART_LIBRARY', `lightweight-charts/${STANDALONE} contains text that would end an inline script`);
  }
  cached = text;
  return text;
}
