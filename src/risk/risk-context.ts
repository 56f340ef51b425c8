import type { EpochMs, Order, Symbol } from '../core/index.js';
import type { PortfolioView } from '../portfolio/index.js';
import type { TradingCalendar } from '../time/index.js';

/** What a risk check may look at. Everything is read-only and current as of `now`. */
export interface RiskContext {
  readonly now: EpochMs;
  readonly portfolio: PortfolioView;
  /** Orders still working at the venue (submitted, not yet terminal). */
  readonly openOrders: readonly Order[];
  /** Returns the reference price for `symbol` (last trade or bar close), if any has been seen. */
  lastPrice(symbol: Symbol): number | undefined;
  readonly calendar: TradingCalendar;
  /**
   * Whether an order decided while the market is closed is queued for the next session's open
   * (bar backtests with next-open fills) instead of being refused.
   */
  readonly queueForNextOpen: boolean;
}
