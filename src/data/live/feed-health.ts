import type { EpochMs, Symbol } from '../../core/index.js';

/** What the risk gate asks about the market-data feed. */
export interface FeedHealth {
  /** Returns whether `symbol`'s feed is stale now (no data within the window during market hours). */
  isStale(symbol: Symbol): boolean;
}

/** A symbol's feed went quiet for the stale window while the market was open. */
export interface FeedStale {
  readonly kind: 'feed';
  readonly type: 'feedStale';
  readonly symbol: Symbol;
  /** The last time data arrived for the symbol (or the watch started, if none had). */
  readonly sinceMs: EpochMs;
  readonly ts: EpochMs;
}

/** Data arrived again for a symbol whose feed was stale. */
export interface FeedResumed {
  readonly kind: 'feed';
  readonly type: 'feedResumed';
  readonly symbol: Symbol;
  /** When the feed had last been heard from before it went stale. */
  readonly sinceMs: EpochMs;
  readonly ts: EpochMs;
}

/** A change in a symbol's feed health. */
export type FeedHealthEvent = FeedStale | FeedResumed;
