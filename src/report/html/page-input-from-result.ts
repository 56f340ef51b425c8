import { amountFromNumber, formatAmount } from '../../core/index.js';
import type { BacktestReport } from '../backtest-report.js';
import type { BacktestResult, EquitySeries } from '../report-input.js';
import type { EquityRow, EquityRows, ReportPageInput } from './page-input.js';

/**
 * Returns the page input of a finished backtest. Equity is rounded exactly as `equity.csv`
 * writes it and amounts are formatted as `trades.csv` writes them, so the page built here equals
 * the one `aries-runner report DIR` rebuilds from the files.
 */
export function pageInputFromResult(result: BacktestResult<EquitySeries>, report: BacktestReport): ReportPageInput {
  return {
    report,
    timeZone: result.timeZone,
    equity: roundedRows(result.equity),
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

/** Returns a lazy view of `series` rounded as `equity.csv` rounds it (the curve may live on disk). */
function roundedRows(series: EquitySeries): EquityRows {
  return {
    length: series.length,
    *[Symbol.iterator](): Iterator<EquityRow> {
      for (const p of series) yield { ts: p.ts, equity: Number(formatAmount(amountFromNumber(p.equity))) };
    },
  };
}
