import type { Amount, Symbol } from '../core/index.js';
import type { Position } from './position.js';

/** A read-only view of an account's book, for strategies and risk checks. */
export interface PortfolioView {
  /** Cash, exact. */
  readonly cash: Amount;
  /** Cash plus every position at its last mark, exact. */
  readonly equity: Amount;
  /** Sum of |position value| over all symbols at their last marks. */
  readonly grossExposure: Amount;
  /** Returns the open position in `symbol`, or `undefined` when flat. */
  position(symbol: Symbol): Position | undefined;
  /** Returns every open position. */
  positions(): readonly Position[];
  /** Returns the last market price seen for `symbol`. */
  lastPrice(symbol: Symbol): number | undefined;
}
