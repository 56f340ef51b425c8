import { amountFromNumber, formatAmount } from '../core/index.js';
import { csvRow } from './csv-row.js';
import { isoUtc } from './iso-time.js';
import { ORDER_COLUMNS, orderFields } from './order-fields.js';
import type { EquityPoint, OrderRecord, RoundTrip } from './report-input.js';

const EQUITY_HEADER = 'ts,equity,exposed\n';
const LINES_PER_CHUNK = 16_384;

const TRADE_COLUMNS = [
  'symbol', 'side', 'qty', 'entryTs', 'exitTs', 'entryPrice', 'exitPrice', 'pnl', 'commission',
] as const;

/**
 * Returns the text of the report CSV files. Every file has a header row, LF line ends (a final
 * one included), times as ISO 8601 UTC and RFC 4180 quoting where a field needs it, so the bytes
 * depend on the inputs alone.
 */
export const reportCsv = {
  /** Returns `trades.csv`: one row per round trip, amounts as exact decimal strings. */
  trades(trades: readonly RoundTrip[]): string {
    return lines(TRADE_COLUMNS, trades.map((t) => [
      t.symbol, t.side, formatAmount(t.qty), isoUtc(t.entryTs), isoUtc(t.exitTs),
      formatAmount(t.entryPrice), formatAmount(t.exitPrice), formatAmount(t.pnl), formatAmount(t.commission),
    ]));
  },
  /** Returns `orders.csv`: the order-list hash columns (ts as ISO UTC) plus the free-text tag. */
  orders(orders: readonly OrderRecord[]): string {
    return lines([...ORDER_COLUMNS, 'tag'], orders.map((o) => [...orderFields(o, isoUtc(o.ts)), o.tag ?? '']));
  },
  /** Returns `equity.csv`: ts, equity rounded to at most 8 decimals, exposed as 0/1. */
  equity(points: Iterable<EquityPoint>): string {
    return [...equityCsvChunks(points)].join('');
  },
} as const;

function lines(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [header, ...rows].map((row) => `${csvRow(row)}\n`).join('');
}

/**
 * Returns the text of `equity.csv` in pieces of a few thousand lines (the header first), so a
 * long curve can be written without holding the whole file in memory. Fields never need quoting.
 */
export function* equityCsvChunks(points: Iterable<EquityPoint>): Generator<string> {
  let chunk = EQUITY_HEADER;
  let n = 0;
  for (const p of points) {
    chunk += `${isoUtc(p.ts)},${formatAmount(amountFromNumber(p.equity))},${p.exposed ? '1' : '0'}\n`;
    n += 1;
    if (n === LINES_PER_CHUNK) {
      yield chunk;
      chunk = '';
      n = 0;
    }
  }
  if (chunk !== '') yield chunk;
}
