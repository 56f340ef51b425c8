import type { Amount } from './amount.js';
import type { EpochMs, OrderId, Symbol, VenueOrderId } from './ids.js';

/** Which way an order trades. */
export const OrderSide = { BUY: 'BUY', SELL: 'SELL' } as const;
/** Which way an order trades. */
export type OrderSide = (typeof OrderSide)[keyof typeof OrderSide];

/** The order types the runner can place. */
export const OrderType = {
  MARKET: 'MARKET',
  LIMIT: 'LIMIT',
  STOP: 'STOP',
  STOP_LIMIT: 'STOP_LIMIT',
} as const;
/** The order types the runner can place. */
export type OrderType = (typeof OrderType)[keyof typeof OrderType];

/** How long an order stays working. */
export const TimeInForce = { DAY: 'DAY', GTC: 'GTC', IOC: 'IOC', FOK: 'FOK' } as const;
/** How long an order stays working. */
export type TimeInForce = (typeof TimeInForce)[keyof typeof TimeInForce];

/**
 * What a strategy asks for: one new order, before the risk gate has looked at it. Prices are exact
 * amounts; `limitPrice` is set for LIMIT and STOP_LIMIT, `stopPrice` for STOP and STOP_LIMIT.
 */
export interface OrderIntent {
  readonly id: OrderId;
  readonly symbol: Symbol;
  readonly side: OrderSide;
  /** Quantity, always positive. */
  readonly qty: Amount;
  readonly type: OrderType;
  readonly tif: TimeInForce;
  readonly limitPrice?: Amount;
  readonly stopPrice?: Amount;
  /** When the strategy emitted the intent. */
  readonly tsCreated: EpochMs;
  /** Free text the strategy attached, echoed on every event of the order. */
  readonly tag?: string;
}

/** Returns +1 for a buy and -1 for a sell. */
export function sideSign(side: OrderSide): 1n | -1n {
  return side === OrderSide.BUY ? 1n : -1n;
}

/** Returns the opposite side. */
export function oppositeSide(side: OrderSide): OrderSide {
  return side === OrderSide.BUY ? OrderSide.SELL : OrderSide.BUY;
}

/**
 * Returns a reason the intent is malformed (missing or superfluous prices, non-positive quantity),
 * or `undefined` when it is well formed.
 */
export function intentShapeProblem(intent: OrderIntent): string | undefined {
  if (intent.qty <= 0n) return 'quantity must be positive';
  const needsLimit = intent.type === OrderType.LIMIT || intent.type === OrderType.STOP_LIMIT;
  const needsStop = intent.type === OrderType.STOP || intent.type === OrderType.STOP_LIMIT;
  if (needsLimit !== (intent.limitPrice !== undefined)) {
    return needsLimit ? `${intent.type} order needs a limit price` : `${intent.type} order takes no limit price`;
  }
  if (needsStop !== (intent.stopPrice !== undefined)) {
    return needsStop ? `${intent.type} order needs a stop price` : `${intent.type} order takes no stop price`;
  }
  if (intent.limitPrice !== undefined && intent.limitPrice <= 0n) return 'limit price must be positive';
  if (intent.stopPrice !== undefined && intent.stopPrice <= 0n) return 'stop price must be positive';
  return undefined;
}

/** The states of an order's life. See `order-state.ts` for the allowed transitions. */
export const OrderStatus = {
  PENDING_NEW: 'PENDING_NEW',
  NEW: 'NEW',
  PARTIALLY_FILLED: 'PARTIALLY_FILLED',
  FILLED: 'FILLED',
  CANCELED: 'CANCELED',
  REJECTED: 'REJECTED',
  EXPIRED: 'EXPIRED',
  REPLACED: 'REPLACED',
} as const;
/** The states of an order's life. */
export type OrderStatus = (typeof OrderStatus)[keyof typeof OrderStatus];

/** An order after the gate accepted its intent: the intent plus what has happened to it. */
export interface Order {
  readonly id: OrderId;
  readonly intent: OrderIntent;
  readonly status: OrderStatus;
  readonly filledQty: Amount;
  /** Volume-weighted average fill price; zero before the first fill. */
  readonly avgFillPrice: Amount;
  readonly venueOrderId?: VenueOrderId;
  readonly tsUpdated: EpochMs;
}
