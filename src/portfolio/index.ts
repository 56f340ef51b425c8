/** The portfolio: pure position reducers, the ledger, round trips and the read-only view. */
export { applyFill, flatPosition, marketValue, unrealizedPnl, ONE } from './position.js';
export type { Position, PositionChange } from './position.js';
export { Ledger } from './ledger.js';
export type { FillApplied } from './ledger.js';
export type { PortfolioView } from './portfolio-view.js';
export { RoundTripTracker } from './round-trip-tracker.js';
export type { RoundTrip } from './round-trip-tracker.js';
