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
  trades(trades: Iterable<RoundTrip>): string {
    return [...tradesCsvChunks(trades)].join('');
  },
  /** Returns `orders.csv`: the order-list hash columns (ts as ISO UTC) plus the free-text tag. */
  orders(orders: Iterable<OrderRecord>): string {
    return [...ordersCsvChunks(orders)].join('');
  },
  /** Returns `equity.csv`: ts, equity rounded to at most 8 decimals, exposed as 0/1. */
  equity(points: Iterable<EquityPoint>): string {
    return [...equityCsvChunks(points)].join('');
  },
} as const;

/** Returns the text of `trades.csv` ({@link reportCsv}.trades) in pieces of a few thousand lines, the header first. */
export function tradesCsvChunks(trades: Iterable<RoundTrip>): Generator<string> {
  return csvChunks(TRADE_COLUMNS, trades, (t) => [
    t.symbol, t.side, formatAmount(t.qty), isoUtc(t.entryTs), isoUtc(t.exitTs),
    formatAmount(t.entryPrice), formatAmount(t.exitPrice), formatAmount(t.pnl), formatAmount(t.commission),
  ]);
}

/** Returns the text of `orders.csv` ({@link reportCsv}.orders) in pieces of a few thousand lines, the header first. */
export function ordersCsvChunks(orders: Iterable<OrderRecord>): Generator<string> {
  return csvChunks([...ORDER_COLUMNS, 'tag'], orders, (o) => [...orderFields(o, isoUtc(o.ts)), o.tag ?? '']);
}

function* csvChunks<T>(header: readonly string[], items: Iterable<T>, row: (item: T) => readonly string[]): Generator<string> {
  let chunk = `${csvRow(header)}\n`;
  let n = 0;
  for (const item of items) {
    chunk += `${csvRow(row(item))}\n`;
    n += 1;
    if (n === LINES_PER_CHUNK) {
      yield chunk;
      chunk = '';
      n = 0;
    }
  }
  if (chunk !== '') yield chunk;
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
