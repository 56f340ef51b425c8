import type { OrderIntent, VenueOrderId } from '../../core/index.js';
import type { VenueOrderSnapshot } from '../../execution/index.js';
import { mapOrderStatus, type PlaceOrderResponse } from '../wire/index.js';

/** Returns the order report a place acknowledgement carries (fields it omits come from the intent). */
export function ackSnapshot(intent: OrderIntent, venueOrderId: VenueOrderId, r: PlaceOrderResponse): VenueOrderSnapshot {
  return {
    venueOrderId, symbol: intent.symbol, side: intent.side, qty: r.qty ?? intent.qty, status: mapOrderStatus(r.status),
    filledQty: r.cumQty ?? 0n, avgFillPrice: r.avgPrice ?? 0n, reason: r.ordRejReason ?? r.text,
  };
}
