import { OrderType, TimeInForce, type EpochMs, type OrderId, type OrderIntent } from '../core/index.js';
import type { Journal, JournalOrder, OrderManager } from '../execution/index.js';

/**
 * Returns an intent for a journaled order with no journaled intent (an order marked external and
 * later adopted): symbol, side and quantity are exact; type and prices are unknown here.
 */
function rebuiltIntent(o: JournalOrder): OrderIntent {
  return { id: o.orderId, symbol: o.symbol, side: o.side, qty: o.qty, type: OrderType.MARKET, tif: TimeInForce.DAY, tsCreated: o.updatedTs };
}

/**
 * Hands the journal's working orders to the order manager after a restart: orders the venue named
 * are owned again (later reports apply to them), and intents journaled before a send whose outcome
 * never came back become places in flight, to be settled by listing the venue's orders. Orders
 * marked external are left out. Returns the intents of the places in flight.
 */
export function restoreJournalOrders(journal: Journal, manager: OrderManager, now: EpochMs): ReadonlyMap<OrderId, OrderIntent> {
  const unknown = new Map(journal.intentsWithoutVenueId().map((i) => [i.id, i] as const));
  for (const o of journal.openOrders()) {
    if (o.external || manager.get(o.orderId) !== undefined) continue;
    const intent = unknown.get(o.orderId) ?? journal.intent(o.orderId) ?? rebuiltIntent(o);
    manager.restore({
      id: o.orderId, intent, status: o.status, filledQty: o.filledQty, avgFillPrice: o.avgPrice, tsUpdated: o.updatedTs,
      ...(o.venueOrderId === undefined ? {} : { venueOrderId: o.venueOrderId }),
    }, now);
  }
  return unknown;
}
