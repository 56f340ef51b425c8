import type { BacktestReport } from './backtest-report.js';

const MISSING = 'n/a';

/**
 * Returns the headline figures of `report` as an aligned two-column plain-text table (labels
 * padded to one width, one figure per line, final newline) for the console. Fractions show as
 * percentages with 2 decimals, ratios with 2 decimals, undefined figures as `n/a`.
 */
export function formatSummary(report: BacktestReport): string {
  const drawdownDates =
    report.maxDrawdownStart === null || report.maxDrawdownEnd === null
      ? ''
      : ` (${report.maxDrawdownStart} → ${report.maxDrawdownEnd})`;
  const rows: readonly (readonly [string, string])[] = [
    ['Strategy', report.strategy],
    ['Symbols', report.symbols.join(', ')],
    ['Period', `${report.from} → ${report.to}`],
    ['Bars', String(report.bars)],
    ['Starting cash', report.startingCash],
    ['Final equity', report.finalEquity],
    ['Total return', percent(report.totalReturn)],
    ['CAGR', percent(report.cagr)],
    ['Volatility', percent(report.volatility)],
    ['Sharpe', fixed(report.sharpe)],
    ['Sortino', fixed(report.sortino)],
    ['Max drawdown', `${percent(report.maxDrawdown)}${drawdownDates}`],
    ['Calmar', fixed(report.calmar)],
    ['Trades', String(report.trades)],
    ['Win rate', percent(report.winRate)],
    ['Profit factor', fixed(report.profitFactor)],
    ['Exposure', percent(report.exposure)],
    ['Orders / fills', `${report.orders} / ${report.fills}`],
    ['Commission', report.commission],
    ['Order list hash', report.orderListHash],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  return rows.map(([label, value]) => `${label.padEnd(width)}  ${value}\n`).join('');
}

function percent(value: number | null): string {
  return value === null ? MISSING : `${fixed(value * 100)}%`;
}

function fixed(value: number | null): string {
  if (value === null) return MISSING;
  const text = value.toFixed(2);
  // A tiny negative value would otherwise print as "-0.00".
  return text === '-0.00' ? '0.00' : text;
}
