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
  const hasher = new OrderListHasher();
  for (const order of orders) hasher.add(order);
  return hasher.digest();
}

/** Computes {@link orderListHash} one order at a time, as the list is built. */
export class OrderListHasher {
  private readonly hash = createHash('sha256');
  // Hashing a line at a time costs more in calls than in bytes: feed it about 64 KB at a time.
  private text = '';

  /** Adds the next order of the list. */
  add(order: OrderRecord): void {
    this.text += `${csvRow(orderFields(order, String(order.ts)))}\n`;
    if (this.text.length > 65_536) {
      this.hash.update(this.text, 'utf8');
      this.text = '';
    }
  }

  /** Returns the hash of every order added; call once. */
  digest(): string {
    this.hash.update(this.text, 'utf8');
    this.text = '';
    return this.hash.digest('hex');
  }
}
