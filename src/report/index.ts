/** Backtest statistics, the order-list hash and the report files (JSON, CSV, console summary). */
export type {
  BacktestResult, EquityPoint, EquitySeries, OrderRecord, RecordSeries, RoundTrip, StreamedBacktestResult,
} from './report-input.js';
export { EquityLog, walkEquity } from './equity-log.js';
export { RecordLog, type RecordCodec } from './record-log.js';
export { recordCodecs } from './record-codecs.js';
export type { BacktestReport } from './backtest-report.js';
export { buildReport } from './build-report.js';
export { dailyEquity, type DailyEquity } from './daily-equity.js';
export { dailyReturns, returnsBetweenDays } from './daily-returns.js';
export { maxDrawdown, type MaxDrawdown } from './max-drawdown.js';
export { returnStatistics, PERIODS_PER_YEAR, type ReturnStatistics } from './return-statistics.js';
export { tradeStatistics, type TradeStatistics } from './trade-statistics.js';
export { roundSignificant, REPORT_SIGNIFICANT_DIGITS } from './round-significant.js';
export { orderListHash, OrderListHasher } from './order-list-hash.js';
export { ORDER_COLUMNS } from './order-fields.js';
export { csvRow } from './csv-row.js';
export { reportCsv, equityCsvChunks, ordersCsvChunks, tradesCsvChunks } from './report-csv.js';
export { writeReportFiles, REPORT_FILE_NAMES } from './write-report-files.js';
export { formatSummary } from './format-summary.js';
export { isoDateIn, isoUtc } from './iso-time.js';
export { REPORT_PAGE_FILE_NAMES } from './write-report-files.js';
export type { Candle, PriceSeries } from './report-input.js';
export * from './html/index.js';
