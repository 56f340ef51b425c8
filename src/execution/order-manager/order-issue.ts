import type { Amount, Fill, OrderEvent, OrderId, VenueOrderId } from '../../core/index.js';
import type { VenueOrderSnapshot } from './venue-order-snapshot.js';

/**
 * Something the order manager noticed but did not turn into an order event. Callers journal
 * and alert on these; none of them changes a strategy's view of its orders.
 */
export type OrderIssue =
  /** A report whose cumulative quantity exceeds the order's quantity; not applied. */
  | { readonly kind: 'overfill'; readonly orderId: OrderId; readonly venueOrderId: VenueOrderId; readonly filledQty: Amount; readonly qty: Amount }
  /** A report older than what is known (less filled); ignored, the known fills stand. */
  | { readonly kind: 'stale'; readonly orderId: OrderId; readonly venueOrderId: VenueOrderId; readonly filledQty: Amount; readonly knownQty: Amount }
  /** A fill reported after the order closed: booked on the order, not sent as an event. */
  | { readonly kind: 'late-fill'; readonly fill: Fill }
  /** An order the runner did not place (e.g. from the Aries web UI). Reported once. */
  | { readonly kind: 'external'; readonly snapshot: VenueOrderSnapshot }
  /** A report for an id no acknowledgement has named yet, held until one does. */
  | { readonly kind: 'buffered'; readonly venueOrderId: VenueOrderId };

/** What one call to the order manager produced. */
export interface ApplyResult {
  readonly events: readonly OrderEvent[];
  readonly issues: readonly OrderIssue[];
}

/** Returns an empty result. */
export function noResult(): ApplyResult {
  return { events: [], issues: [] };
}

/** Returns the results concatenated in order. */
export function joinResults(results: readonly ApplyResult[]): ApplyResult {
  return { events: results.flatMap((r) => r.events), issues: results.flatMap((r) => r.issues) };
}
