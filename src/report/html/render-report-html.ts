import { dailyEquity } from '../daily-equity.js';
import { chartData, type ChartData } from './chart-data.js';
import { chartLibrarySource } from './chart-library.js';
import { escapeHtml } from './escape-html.js';
import { jsonForScript } from './json-for-script.js';
import { monthlyReturns } from './monthly-returns.js';
import { monthlyTable } from './monthly-table.js';
import type { EquityPoint } from '../report-input.js';
import type { EquityRow, ReportPageInput } from './page-input.js';
import { PAGE_SCRIPT } from './page-script.js';
import { PAGE_STYLE } from './page-style.js';
import { paramsTable } from './params-table.js';
import { statsTable } from './stats-table.js';
import { tradesTable } from './trades-table.js';

/** The page's Content-Security-Policy: nothing may load; only the inline script and style run. */
export const REPORT_CSP = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'";

const ATTRIBUTION =
  'Charts by <a href="https://www.tradingview.com/" rel="noopener noreferrer">TradingView Lightweight Charts™</a> ' +
  '(Apache License 2.0). NOTICE: TradingView Lightweight Charts™, Copyright (c) TradingView, Inc. https://www.tradingview.com/';

/**
 * Returns the report page: one self-contained HTML file that works offline from `file://` under
 * {@link REPORT_CSP}. Tables (statistics, parameters, monthly returns, trades) are rendered here
 * as escaped HTML; charts are drawn by the inlined lightweight-charts bundle from downsampled
 * series embedded as script-safe JSON. Deterministic: equal inputs give equal bytes.
 */
export function renderReportHtml(input: ReportPageInput): string {
  const r = input.report;
  const charts = chartData(input);
  const days = dailyEquity(unexposed(input.equity), input.timeZone);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Backtest report: ${escapeHtml(r.strategy)}</title>
<style>${PAGE_STYLE}</style>
</head>
<body>
<header>
<h1>Backtest report: <span id="strategy-name">${escapeHtml(r.strategy)}</span></h1>
<p class="meta" id="run-meta">${escapeHtml(r.symbols.join(', '))} · data ${escapeHtml(r.from)} → ${escapeHtml(r.to)} (${r.bars} bars, ${escapeHtml(input.timeZone)}) · seed ${r.seed}</p>
<p class="meta">Order-list hash <code id="order-list-hash">${escapeHtml(r.orderListHash)}</code></p>
</header>
<div class="grid">
<section><h2>Statistics</h2>
${statsTable(r)}
</section>
<section><h2>Parameters</h2>
${paramsTable(r.params)}
</section>
</div>
${chartSections(charts)}
<section><h2>Monthly returns</h2>
${monthlyTable(monthlyReturns(days, Number(r.startingCash)))}
</section>
<section><h2>Trades</h2>
<div class="scroll">
${tradesTable(input.trades, input.timeZone)}
</div>
</section>
<footer><p id="attribution">${ATTRIBUTION}</p></footer>
<script type="application/json" id="chart-data">${jsonForScript(charts)}</script>
<script>${chartLibrarySource()}</script>
<script>${PAGE_SCRIPT}</script>
</body>
</html>
`;
}

/** Returns the equity, drawdown and price sections: the elements the page script draws into. */
function chartSections(charts: ChartData): string {
  const legend = charts.benchmark.length > 0
    ? `<span class="swatch" style="background:#8c959f"></span>Buy &amp; hold ${escapeHtml(charts.benchmarkSymbol)} (left axis)`
    : '';
  const prices = charts.prices.map(
    (p, i) => `<h3>${escapeHtml(p.symbol)}</h3>\n<div class="chart" id="chart-price-${i}" data-chart="price"></div>`,
  );
  return `<section><h2>Equity</h2>
<p class="legend"><span class="swatch" style="background:#0969da"></span>Strategy${legend}</p>
<div class="chart" id="chart-equity" data-chart="equity"></div>
</section>
<section><h2>Drawdown</h2>
<div class="chart small" id="chart-drawdown" data-chart="drawdown"></div>
</section>
<section><h2>Prices and trades</h2>
${prices.length > 0 ? prices.join('\n') : '<p class="meta">No price data recorded for this run.</p>'}
</section>`;
}

function* unexposed(rows: Iterable<EquityRow>): Generator<EquityPoint> {
  for (const p of rows) yield { ts: p.ts, equity: p.equity, exposed: false };
}
