import type { EpochMs, Symbol } from '../core/index.js';

/** Tells whether a symbol's market-data feed has gone quiet (the market stream implements it). */
export interface FeedHealth {
  /** Returns whether `symbol`'s feed is stale at `now`. */
  isStale(symbol: Symbol, now: EpochMs): boolean;
}
