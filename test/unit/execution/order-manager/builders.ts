import {
  amountFromNumber, toOrderId, toSymbol, toVenueOrderId,
  type OrderIntent, type OrderStatus, type VenueOrderId,
} from '../../../../src/core/index.js';
import type { VenueOrderSnapshot } from '../../../../src/execution/index.js';

/** Returns an Amount from a decimal number. */
export const a = amountFromNumber;

/** Returns a buy LIMIT intent for 10 YHOO at 35.5. */
export function intent(id = 'O-1', qty = 10, tsCreated = 1_000): OrderIntent {
  return {
    id: toOrderId(id), symbol: toSymbol('YHOO'), side: 'BUY', qty: a(qty), type: 'LIMIT', tif: 'DAY', limitPrice: a(35.5), tsCreated,
  };
}

/** Returns a venue report for clOrdId `id`. */
export function snap(id: string, filled: number, avg: number, status: OrderStatus | undefined, extra: Partial<VenueOrderSnapshot> = {}): VenueOrderSnapshot {
  return {
    venueOrderId: toVenueOrderId(id), symbol: toSymbol('YHOO'), side: 'BUY', qty: a(10), status,
    filledQty: a(filled), avgFillPrice: a(avg), ...extra,
  };
}

/** Returns a venue id. */
export const v = (id: string): VenueOrderId => toVenueOrderId(id);
