import { DateTime } from 'luxon';
import { escapeHtml } from './escape-html.js';
import type { TradeRow, TradeRows } from './page-input.js';

/** The most trades the page lists; a longer run shows the first and last halves and points at trades.csv. */
export const MAX_TRADE_ROWS = 1000;

/**
 * Returns the `<table id="trades">` of the round trips, times in `timeZone`. A run with more than
 * {@link MAX_TRADE_ROWS} trades lists the first and last half of that many with a row saying how
 * many are left out (the page stays fast; trades.csv has them all). All text is escaped.
 */
export function tradesTable(trades: TradeRows, timeZone: string): string {
  const head = ['#', 'Symbol', 'Side', 'Qty', 'Entry', 'Entry price', 'Exit', 'Exit price', 'PnL', 'Commission']
    .map((h) => `<th scope="col">${h}</th>`).join('');
  const half = MAX_TRADE_ROWS / 2;
  const total = trades.length;
  const long = total > MAX_TRADE_ROWS;
  const rows: string[] = [];
  // One pass that keeps only the rows shown: the trades may be streamed from disk.
  let index = 0;
  for (const trade of trades) {
    if (!long || index < half || index >= total - half) rows.push(row(index, trade, timeZone));
    index += 1;
  }
  if (long) rows.splice(half, 0, `<tr class="gap"><td colspan="10">… ${total - MAX_TRADE_ROWS} more trades in trades.csv …</td></tr>`);
  if (total === 0) rows.push('<tr class="gap"><td colspan="10">No trades.</td></tr>');
  return `<table id="trades" class="list">\n<thead><tr>${head}</tr></thead>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`;
}

function row(index: number, t: TradeRow, zone: string): string {
  const pnlClass = t.pnl.startsWith('-') ? 'neg' : t.pnl === '0' ? '' : 'pos';
  const cells = [
    String(index + 1), t.symbol, t.side, t.qty, when(t.entryTs, zone), t.entryPrice, when(t.exitTs, zone), t.exitPrice,
  ].map((c) => `<td>${escapeHtml(c)}</td>`);
  return `<tr>${cells.join('')}<td class="${pnlClass}">${escapeHtml(t.pnl)}</td><td>${escapeHtml(t.commission)}</td></tr>`;
}

function when(ts: number, zone: string): string {
  return DateTime.fromMillis(ts, { zone }).toFormat('yyyy-MM-dd HH:mm');
}
