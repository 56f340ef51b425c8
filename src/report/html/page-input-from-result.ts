import { amountFromNumber, formatAmount } from '../../core/index.js';
import type { BacktestReport } from '../backtest-report.js';
import type { BacktestResult } from '../report-input.js';
import type { ReportPageInput } from './page-input.js';

/**
 * Returns the page input of a finished backtest. Equity is rounded exactly as `equity.csv`
 * writes it and amounts are formatted as `trades.csv` writes them, so the page built here equals
 * the one `aries-runner report DIR` rebuilds from the files.
 */
export function pageInputFromResult(result: BacktestResult, report: BacktestReport): ReportPageInput {
  return {
    report,
    timeZone: result.timeZone,
    equity: result.equity.map((p) => ({ ts: p.ts, equity: Number(formatAmount(amountFromNumber(p.equity))) })),
    trades: result.trades.map((t) => ({
      symbol: t.symbol,
      side: t.side,
      qty: formatAmount(t.qty),
      entryTs: t.entryTs,
      exitTs: t.exitTs,
      entryPrice: formatAmount(t.entryPrice),
      exitPrice: formatAmount(t.exitPrice),
      pnl: formatAmount(t.pnl),
      commission: formatAmount(t.commission),
    })),
    prices: result.prices ?? [],
  };
}
