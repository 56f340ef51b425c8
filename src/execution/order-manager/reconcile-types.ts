import type { Amount, EpochMs, OrderId, OrderIntent, OrderStatus, Symbol, VenueOrderId } from '../../core/index.js';
import type { VenueOrderCandidate, VenueOrderSnapshot } from './venue-order-snapshot.js';

/** One order as the journal remembers it. */
export interface JournalOrderView {
  readonly orderId: OrderId;
  readonly intent: OrderIntent;
  /** Absent when the place outcome never came back (sent, not named). */
  readonly venueOrderId: VenueOrderId | undefined;
  readonly status: OrderStatus;
  readonly filledQty: Amount;
  readonly lastEventMs: EpochMs;
}

/** A signed position by symbol. */
export interface PositionView {
  readonly symbol: Symbol;
  readonly qty: Amount;
}

/** The journal's side of a reconciliation. */
export interface JournalView {
  readonly orders: readonly JournalOrderView[];
  readonly positions: readonly PositionView[];
}

/** The broker's side: listed orders (open and recent history), positions, and ids a single-order query did not find. */
export interface BrokerView {
  readonly orders: readonly VenueOrderCandidate[];
  /** `undefined` when the broker sent no position report (never read as flat). */
  readonly positions: readonly PositionView[] | undefined;
  readonly notFound: readonly VenueOrderId[];
}

/** How to reconcile. */
export interface ReconcileOptions {
  readonly now: EpochMs;
  /** Config `reconcile: adopt-broker`: take the broker's positions instead of refusing to start. */
  readonly adoptBroker: boolean;
  /** Orders whose last event is younger than this are left alone (T-8); default 5,000 ms. */
  readonly recentMs?: number;
  /** How far before an unknown place's intent a matching order may have been created; default 60,000 ms. */
  readonly unknownSlackMs?: number;
}

/** One thing reconciliation decided. */
export type ReconcileAction =
  /** The broker knows the order: apply its report (fills only ever grow). */
  | { readonly kind: 'adopt'; readonly orderId: OrderId; readonly snapshot: VenueOrderCandidate }
  /** Accepted locally, absent from the listing: query that one order before judging. */
  | { readonly kind: 'verify'; readonly orderId: OrderId; readonly venueOrderId: VenueOrderId }
  /** A single-order query confirmed it missing: mark it REJECTED. */
  | { readonly kind: 'mark-missing'; readonly orderId: OrderId; readonly venueOrderId: VenueOrderId }
  /** Too recent to judge (T-8). */
  | { readonly kind: 'skip-recent'; readonly orderId: OrderId }
  /** An unknown place with no unambiguous match: halt and alert, never resend. */
  | { readonly kind: 'unresolved'; readonly orderId: OrderId; readonly matches: number }
  /** An order placed outside the runner: tracked, not adopted by strategies. */
  | { readonly kind: 'mark-external'; readonly snapshot: VenueOrderSnapshot }
  /** Journal and broker disagree on a position. */
  | { readonly kind: 'position-mismatch'; readonly symbol: Symbol; readonly journalQty: Amount; readonly brokerQty: Amount; readonly resolution: 'adopt-broker' | 'refuse' }
  /** The broker sent no position report; positions are not assumed flat. */
  | { readonly kind: 'no-position-report' };

/** The outcome of a reconciliation. */
export interface ReconcileResult {
  readonly actions: readonly ReconcileAction[];
  /** A position mismatch without adopt-broker: refuse to start. */
  readonly refuse: boolean;
  /** An unknown place could not be resolved: halt the strategy. */
  readonly halt: boolean;
}
