/** Identifier types. Branded strings, so an order id cannot be passed where a symbol is expected. */

/** A tradable symbol such as `"YHOO"`. */
export type Symbol = string & { readonly __brand: 'Symbol' };
/** The runner's own id for an order intent and the order it becomes (`O-000001`). */
export type OrderId = string & { readonly __brand: 'OrderId' };
/** The venue's id for an order: Aries's server-generated `clOrdId`, or the simulator's. */
export type VenueOrderId = string & { readonly __brand: 'VenueOrderId' };
/** The venue's id for one execution (fill). Unique per venue. */
export type ExecId = string & { readonly __brand: 'ExecId' };
/** Milliseconds since the Unix epoch (UTC). */
export type EpochMs = number;

/** Returns the string as a {@link Symbol} (upper-cased and trimmed). */
export function toSymbol(text: string): Symbol {
  return text.trim().toUpperCase() as Symbol;
}

/** Returns the string as an {@link OrderId}. */
export function toOrderId(text: string): OrderId {
  return text as OrderId;
}

/** Returns the string as a {@link VenueOrderId}. */
export function toVenueOrderId(text: string): VenueOrderId {
  return text as VenueOrderId;
}

/** Returns the string as an {@link ExecId}. */
export function toExecId(text: string): ExecId {
  return text as ExecId;
}
