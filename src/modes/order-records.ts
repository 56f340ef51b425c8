import type { Order, OrderDenied, OrderIntent } from '../core/index.js';
import type { OrderRecord } from '../report/index.js';

/** Returns the report's order list: accepted orders and denied intents (status DENIED), by order id. */
export function orderRecords(orders: readonly Order[], denials: readonly OrderDenied[]): OrderRecord[] {
  const records = [
    ...orders.map((o) => record(o.intent, o.status, o.filledQty, o.avgFillPrice)),
    ...denials.map((d) => record(d.intent, 'DENIED', 0n, 0n)),
  ];
  return records.sort((a, b) => idNumber(a.id) - idNumber(b.id));
}

function record(intent: OrderIntent, status: string, filledQty: bigint, avgFillPrice: bigint): OrderRecord {
  return {
    id: intent.id, ts: intent.tsCreated, symbol: intent.symbol, side: intent.side, type: intent.type, tif: intent.tif,
    qty: intent.qty, status, filledQty, avgFillPrice,
    ...(intent.limitPrice !== undefined ? { limitPrice: intent.limitPrice } : {}),
    ...(intent.stopPrice !== undefined ? { stopPrice: intent.stopPrice } : {}),
    ...(intent.tag !== undefined ? { tag: intent.tag } : {}),
  };
}

function idNumber(id: string): number {
  return Number(id.slice(id.lastIndexOf('-') + 1));
}
