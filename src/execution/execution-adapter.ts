import type { Observable } from 'rxjs';
import type { MarketData, MaybePromise, Order, OrderEvent, OrderId, OrderIntent } from '../core/index.js';
import type { OrderPreviewer, SubmitOutcome } from '../risk/index.js';

/**
 * The port between the engine and whatever executes orders: the simulated venue (backtest and
 * paper) or Aries (live). Methods return plain values when the implementation is synchronous,
 * which keeps backtests free of per-order promises.
 */
export interface ExecutionAdapter extends OrderPreviewer {
  /** Every order event, in the order the venue produced them. */
  readonly events$: Observable<OrderEvent>;
  connect(): Promise<void>;
  disconnect(): Promise<void>;
  /** Sends an order that passed the gate. */
  submit(intent: OrderIntent): MaybePromise<SubmitOutcome>;
  /** Asks the venue to cancel a working order; the outcome arrives as an event. */
  cancel(orderId: OrderId): MaybePromise<void>;
  /** Returns the orders still working at the venue. */
  openOrders(): readonly Order[];
  /**
   * Lets a simulated venue see market data before strategies do (fills at the next bar's open
   * happen before its close is known). Live adapters leave it out.
   */
  observeMarketData?(data: MarketData): void;
}
