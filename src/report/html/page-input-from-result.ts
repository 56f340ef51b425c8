import { amountFromNumber, formatAmount } from '../../core/index.js';
import type { BacktestReport } from '../backtest-report.js';
import type { EquitySeries, RecordSeries, RoundTrip, StreamedBacktestResult } from '../report-input.js';
import type { EquityRow, EquityRows, ReportPageInput, TradeRow, TradeRows } from './page-input.js';

/**
 * Returns the page input of a finished backtest. Equity is rounded exactly as `equity.csv`
 * writes it and amounts are formatted as `trades.csv` writes them, so the page built here equals
 * the one `aries-runner report DIR` rebuilds from the files.
 */
export function pageInputFromResult(result: StreamedBacktestResult, report: BacktestReport): ReportPageInput {
  return {
    report,
    timeZone: result.timeZone,
    equity: roundedRows(result.equity),
    trades: tradeRows(result.trades),
    prices: result.prices ?? [],
  };
}

/** Returns a lazy view of `trips` as the page lists them (the trips may live on disk). */
function tradeRows(trips: RecordSeries<RoundTrip>): TradeRows {
  return {
    length: trips.length,
    *[Symbol.iterator](): Iterator<TradeRow> {
      for (const t of trips) {
        yield {
          symbol: t.symbol, side: t.side, qty: formatAmount(t.qty), entryTs: t.entryTs, exitTs: t.exitTs,
          entryPrice: formatAmount(t.entryPrice), exitPrice: formatAmount(t.exitPrice), pnl: formatAmount(t.pnl),
          commission: formatAmount(t.commission),
        };
      }
    },
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
