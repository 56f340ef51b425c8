import { createHash } from 'node:crypto';
import { csvRow } from './csv-row.js';
import { orderFields } from './order-fields.js';
import type { OrderRecord } from './report-input.js';

/**
 * Returns the SHA-256 (lower-case hex) of the canonical order list: one line per order, in the
 * given order (walked once, so a list kept on disk is streamed), `id,ts,symbol,side,type,tif,qty,limit,stop,status,filledQty,avgFillPrice`, each
 * line ending in `\n`, `ts` in epoch ms, amounts via `formatAmount`, absent prices empty. Fields
 * are CSV-quoted so a comma inside an id cannot make two lists collide. The tag is left out:
 * it is commentary, and rewording it should not change a pinned golden backtest.
 * Two runs that placed the same orders have the same hash (the idea of LEAN's OrderListHash).
 */
export function orderListHash(orders: Iterable<OrderRecord>): string {
  const hash = createHash('sha256');
  // Hashing a line at a time costs more in calls than in bytes: feed it about 64 KB at a time.
  let text = '';
  for (const order of orders) {
    text += `${csvRow(orderFields(order, String(order.ts)))}\n`;
    if (text.length > 65_536) {
      hash.update(text, 'utf8');
      text = '';
    }
  }
  hash.update(text, 'utf8');
  return hash.digest('hex');
}
