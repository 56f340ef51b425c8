import type { BacktestReport } from '../backtest-report.js';
import { escapeHtml } from './escape-html.js';

/**
 * Returns the `<table id="params">` of the run's strategy parameters (name, value), in the
 * report's key order, every name and value escaped; a run without parameters says so.
 */
export function paramsTable(params: BacktestReport['params']): string {
  const rows = Object.entries(params).map(
    ([key, value]) => `<tr><th scope="row">${escapeHtml(key)}</th><td>${escapeHtml(String(value))}</td></tr>`,
  );
  if (rows.length === 0) rows.push('<tr><td colspan="2">No parameters.</td></tr>');
  return `<table id="params" class="kv">\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`;
}
