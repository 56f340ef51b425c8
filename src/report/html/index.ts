/** The HTML backtest report: one self-contained page with tables and lightweight-charts charts. */
export { renderReportHtml, REPORT_CSP } from './render-report-html.js';
export { rebuildReportHtml } from './write-report-html.js';
export { readReportDir } from './read-report-dir.js';
export { pageInputFromResult } from './page-input-from-result.js';
export type { ReportPageInput, TradeRow, EquityRow, EquityRows } from './page-input.js';
export { reportDataJson, parseReportData, REPORT_DATA_FORMAT, type ReportDataFile } from './report-data-file.js';
export { PriceSampler, MAX_CANDLES } from './price-sampler.js';
export { downsampleMinMax, downsampleMinMaxStream, MAX_CHART_POINTS } from './downsample.js';
export { monthlyReturns, type YearReturns } from './monthly-returns.js';
export { escapeHtml } from './escape-html.js';
export { jsonForScript } from './json-for-script.js';
export { chartData, type ChartData, type ChartPoint } from './chart-data.js';
export { tradeMarkers, type Marker } from './trade-markers.js';
export { STAT_ROWS, type StatKey } from './stats-table.js';
