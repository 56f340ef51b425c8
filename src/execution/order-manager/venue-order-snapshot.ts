import type { Amount, EpochMs, OrderSide, OrderStatus, OrderType, Symbol, VenueOrderId } from '../../core/index.js';

/**
 * One venue report of an order: a socket update, a REST listing row or a place acknowledgement.
 * Quantities are cumulative over the order's replace chain (FIX semantics: a replacement keeps
 * the fills of the order it replaced). Aries's `AriesOrderRecord` satisfies this shape.
 */
export interface VenueOrderSnapshot {
  /** The venue's id (Aries `clOrdId`). */
  readonly venueOrderId: VenueOrderId;
  /** The id this order replaced, when it came from a replace. */
  readonly origVenueOrderId?: VenueOrderId | undefined;
  readonly symbol: Symbol;
  readonly side: OrderSide | undefined;
  readonly qty: Amount;
  /** Core status, or `undefined` for a transient venue status (keep the current one). */
  readonly status: OrderStatus | undefined;
  /** Cumulative filled quantity. */
  readonly filledQty: Amount;
  /** Volume-weighted average price of `filledQty`; zero before the first fill. */
  readonly avgFillPrice: Amount;
  /** Quantity of the latest execution, when the venue names it. */
  readonly lastQty?: Amount | undefined;
  /** Price of the latest execution, when the venue names it. */
  readonly lastPx?: Amount | undefined;
  /** Rejection or cancel text. */
  readonly reason?: string | undefined;
  /** When the venue last changed the order; the receipt time is used when absent. */
  readonly tsUpdated?: EpochMs | undefined;
}

/** A venue order with the fields needed to recognise it after an unknown place outcome. */
export interface VenueOrderCandidate extends VenueOrderSnapshot {
  readonly type?: OrderType | undefined;
  readonly limitPrice?: Amount | undefined;
  readonly stopPrice?: Amount | undefined;
  readonly tsCreated?: EpochMs | undefined;
}
