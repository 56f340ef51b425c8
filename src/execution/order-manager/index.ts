/** The order manager: venue order reports → core order events, and reconciliation with the broker. */
export { OrderManager, RECENT_ORDER_MS } from './order-manager.js';
export type { OrderManagerLog, OrderManagerOptions } from './order-manager.js';
export type { OrderManagerCounters } from './apply-snapshot.js';
export type { VenueOrderSnapshot, VenueOrderCandidate } from './venue-order-snapshot.js';
export type { OrderIssue, ApplyResult } from './order-issue.js';
export { deriveFill } from './derive-fill.js';
export type { DerivedFill, FillBaseline } from './derive-fill.js';
export { matchUnknownOrder } from './match-unknown.js';
export type { MatchWindow, UnknownMatch } from './match-unknown.js';
export { reconcile } from './reconcile.js';
export type {
  BrokerView, JournalOrderView, JournalView, PositionView, ReconcileAction, ReconcileOptions, ReconcileResult,
} from './reconcile-types.js';
