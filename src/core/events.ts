import type { Amount } from './amount.js';
import type { DenialReason } from './denial.js';
import type { Fill } from './fill.js';
import type { EpochMs, OrderId, Symbol, VenueOrderId } from './ids.js';
import type { Bar, Quote, Trade } from './market-data.js';
import type { OrderIntent, OrderStatus } from './order.js';

/** The venue accepted the order; it is now working. */
export interface OrderAccepted {
  readonly kind: 'order';
  readonly type: 'OrderAccepted';
  readonly orderId: OrderId;
  readonly intent: OrderIntent;
  readonly venueOrderId: VenueOrderId;
  readonly ts: EpochMs;
}

/** Part or all of the order executed. `status` is PARTIALLY_FILLED or FILLED after this fill. */
export interface OrderFilled {
  readonly kind: 'order';
  readonly type: 'OrderFilled';
  readonly orderId: OrderId;
  readonly fill: Fill;
  readonly filledQty: Amount;
  readonly leavesQty: Amount;
  readonly status: OrderStatus;
  readonly ts: EpochMs;
}

/** The order left the book without (fully) filling: canceled, rejected by the venue, or expired. */
export interface OrderClosed {
  readonly kind: 'order';
  readonly type: 'OrderCanceled' | 'OrderRejected' | 'OrderExpired';
  readonly orderId: OrderId;
  readonly reason: string;
  readonly ts: EpochMs;
}

/** The risk gate refused the intent; nothing was sent to the venue. */
export interface OrderDenied {
  readonly kind: 'order';
  readonly type: 'OrderDenied';
  readonly orderId: OrderId;
  readonly intent: OrderIntent;
  readonly reason: DenialReason;
  readonly ts: EpochMs;
}

/**
 * The venue replaced a working order's terms (quantity or prices). The runner's order id stays;
 * `venueOrderId` is the venue's new id (Aries issues a new `clOrdId` on every replace).
 */
export interface OrderReplaced {
  readonly kind: 'order';
  readonly type: 'OrderReplaced';
  readonly orderId: OrderId;
  readonly venueOrderId: VenueOrderId;
  readonly qty: Amount;
  readonly limitPrice?: Amount;
  readonly stopPrice?: Amount;
  readonly ts: EpochMs;
}

/** Everything that can happen to an order, as seen by a strategy. */
export type OrderEvent = OrderAccepted | OrderFilled | OrderClosed | OrderDenied | OrderReplaced;

/** A held position as reported to strategies. `qty` is signed: negative for a short. */
export interface PositionSnapshot {
  readonly symbol: Symbol;
  readonly qty: Amount;
  readonly avgPrice: Amount;
}

/** The account changed: cash, equity or positions. */
export interface AccountUpdated {
  readonly kind: 'account';
  readonly type: 'AccountUpdated';
  readonly cash: Amount;
  readonly equity: Amount;
  readonly positions: readonly PositionSnapshot[];
  readonly ts: EpochMs;
}

/** A calendar happening: a session opened or closed, an earnings report, an economic release. */
export interface CalendarEvent {
  readonly kind: 'calendar';
  readonly type: 'SessionOpened' | 'SessionClosed' | 'EarningsReleased' | 'EconomicRelease';
  readonly ts: EpochMs;
  /** The symbol for earnings; absent for session and economic events. */
  readonly symbol?: Symbol;
  /** What happened, e.g. "CPI" or "regular session". */
  readonly name: string;
}

/** A timer the strategy set with `ctx.setTimer` fired. */
export interface TimerFired {
  readonly kind: 'timer';
  readonly type: 'TimerFired';
  readonly name: string;
  readonly ts: EpochMs;
}

/** Every input a strategy can receive, merged by time into one stream. */
export type StrategyInput = Bar | Quote | Trade | OrderEvent | AccountUpdated | CalendarEvent | TimerFired;
