import type { BacktestReport } from '../backtest-report.js';
import type { PriceSeries } from '../report-input.js';

/** One round trip as the report page lists it; amounts are the exact decimal strings of `trades.csv`. */
export interface TradeRow {
  readonly symbol: string;
  readonly side: string;
  readonly qty: string;
  readonly entryTs: number;
  readonly exitTs: number;
  readonly entryPrice: string;
  readonly exitPrice: string;
  readonly pnl: string;
  readonly commission: string;
}

/** One equity point as `equity.csv` holds it (epoch ms, equity rounded to 8 decimals). */
export interface EquityRow {
  readonly ts: number;
  readonly equity: number;
}

/** Trade rows walked in the order the trips closed (possibly streamed from disk), with their count. */
export interface TradeRows extends Iterable<TradeRow> {
  readonly length: number;
}

/** Equity rows walked in time order (possibly streamed from disk), with their count. */
export interface EquityRows extends Iterable<EquityRow> {
  readonly length: number;
}

/**
 * Everything the HTML report page shows. It is built either from a finished backtest or from the
 * files a backtest wrote (`report.json`, `equity.csv`, `trades.csv`, `report-data.json`); both
 * routes give equal inputs, so `aries-runner report DIR` rewrites the same page.
 */
export interface ReportPageInput {
  readonly report: BacktestReport;
  /** The IANA zone of the run: it decides days and months, and the chart's wall-clock times. */
  readonly timeZone: string;
  readonly equity: EquityRows;
  readonly trades: TradeRows;
  /** Downsampled candles per symbol; empty when the run did not record prices. */
  readonly prices: readonly PriceSeries[];
}
