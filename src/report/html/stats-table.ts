import type { BacktestReport } from '../backtest-report.js';
import { escapeHtml } from './escape-html.js';
import { formatFixed, formatPercent, formatText } from './format-cell.js';

/** A `report.json` key the statistics table shows (everything except `params`, which has its own table). */
export type StatKey = Exclude<keyof BacktestReport, 'params'>;

type Format = 'text' | 'list' | 'percent' | 'fixed';

/** The statistics table's rows, in display order, with the console summary's labels. */
export const STAT_ROWS: readonly (readonly [StatKey, string, Format])[] = [
  ['strategy', 'Strategy', 'text'], ['symbols', 'Symbols', 'list'], ['from', 'From', 'text'], ['to', 'To', 'text'],
  ['bars', 'Bars', 'text'], ['startingCash', 'Starting cash', 'text'], ['finalEquity', 'Final equity', 'text'],
  ['totalReturn', 'Total return', 'percent'], ['cagr', 'CAGR', 'percent'], ['volatility', 'Volatility', 'percent'],
  ['sharpe', 'Sharpe', 'fixed'], ['sortino', 'Sortino', 'fixed'], ['maxDrawdown', 'Max drawdown', 'percent'],
  ['maxDrawdownStart', 'Max drawdown start', 'text'], ['maxDrawdownEnd', 'Max drawdown end', 'text'],
  ['calmar', 'Calmar', 'fixed'], ['trades', 'Trades', 'text'], ['winRate', 'Win rate', 'percent'],
  ['profitFactor', 'Profit factor', 'fixed'], ['exposure', 'Exposure', 'percent'], ['orders', 'Orders', 'text'],
  ['fills', 'Fills', 'text'], ['commission', 'Commission', 'text'], ['orderListHash', 'Order list hash', 'text'],
  ['seed', 'Seed', 'text'],
];

/**
 * Returns the `<table id="stats">` of `report`: one row per {@link STAT_ROWS} entry, showing the
 * figure as the console summary does, with the exact `report.json` value as JSON in the row's
 * `data-value` attribute (so a reader or a test can compare the two). All text is escaped.
 */
export function statsTable(report: BacktestReport): string {
  const rows = STAT_ROWS.map(([key, label, format]) => {
    const value = report[key];
    const shown = show(value, format);
    return `<tr data-key="${key}" data-value="${escapeHtml(JSON.stringify(value))}"><th scope="row">${escapeHtml(label)}</th><td>${escapeHtml(shown)}</td></tr>`;
  });
  return `<table id="stats" class="kv">\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`;
}

function show(value: BacktestReport[StatKey], format: Format): string {
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'number' || value === null) {
    if (format === 'percent') return formatPercent(value);
    if (format === 'fixed') return formatFixed(value);
  }
  return formatText(typeof value === 'object' ? null : value);
}
