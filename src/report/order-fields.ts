import { formatAmount, type Amount } from '../core/index.js';
import type { OrderRecord } from './report-input.js';

/** The columns of an order line, shared by the order-list hash and `orders.csv`. */
export const ORDER_COLUMNS = [
  'id', 'ts', 'symbol', 'side', 'type', 'tif', 'qty', 'limit', 'stop', 'status', 'filledQty', 'avgFillPrice',
] as const;

/**
 * Returns the fields of `order` in {@link ORDER_COLUMNS} order, with `tsText` in the `ts` column
 * (the hash keeps epoch ms, the CSV a readable time). Amounts go through `formatAmount` so equal
 * values always print alike; an absent price is an empty field.
 */
export function orderFields(order: OrderRecord, tsText: string): string[] {
  return [
    order.id,
    tsText,
    order.symbol,
    order.side,
    order.type,
    order.tif,
    formatAmount(order.qty),
    optionalAmount(order.limitPrice),
    optionalAmount(order.stopPrice),
    order.status,
    formatAmount(order.filledQty),
    formatAmount(order.avgFillPrice),
  ];
}

function optionalAmount(value: Amount | undefined): string {
  return value === undefined ? '' : formatAmount(value);
}
