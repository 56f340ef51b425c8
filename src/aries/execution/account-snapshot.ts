import type { EpochMs, Order } from '../../core/index.js';
import type { VenueOrderSnapshot } from '../../execution/index.js';
import type { AccountBalances, PositionRecord } from '../wire/index.js';

/** The broker's account as reconciliation reads it. */
export interface AccountSnapshot {
  /** The runner's orders still working, after applying the broker's listing. */
  readonly openOrders: readonly Order[];
  /** Orders placed outside the runner. */
  readonly externalOrders: readonly VenueOrderSnapshot[];
  readonly positions: readonly PositionRecord[];
  readonly balances: AccountBalances;
  readonly ts: EpochMs;
}
