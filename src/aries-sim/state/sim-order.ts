import { divAmount, mulAmount, type Amount, type EpochMs } from '../../core/index.js';
import { money, optionalPrice, quantity, rfc3339 } from './wire-format.js';

/** Aries order statuses the simulator sends (aries-api.md §5.4). */
export type SimOrdStatus = 'NEW' | 'PARTIALLY_FILLED' | 'FILLED' | 'CANCELED' | 'REJECTED' | 'EXPIRED' | 'SUPERSEDED';

/** The simulator's record of one order, keyed by its server-generated `clOrdId`. */
export interface SimOrder {
  readonly clOrdId: string;
  readonly ordId: string;
  readonly origClOrdId: string | undefined;
  readonly accountId: string;
  readonly clientId: string;
  readonly symbol: string;
  /** The side as sent (`BUY`, `SELL`, `SELL_SHORT`, `BUY_TO_COVER`). */
  readonly side: string;
  readonly type: string;
  readonly timeInForce: string;
  readonly qty: Amount;
  readonly price: Amount | undefined;
  readonly stopPrice: Amount | undefined;
  status: SimOrdStatus;
  cumQty: Amount;
  /** Sum of qty × price over fills, for the average price. */
  cost: Amount;
  lastQty: Amount | undefined;
  lastPx: Amount | undefined;
  text: string;
  ordRejReason: string;
  readonly createdAt: EpochMs;
  updatedAt: EpochMs;
}

const TERMINAL: ReadonlySet<SimOrdStatus> = new Set(['FILLED', 'CANCELED', 'REJECTED', 'EXPIRED', 'SUPERSEDED']);

/** Returns whether the order can still fill, be canceled or be replaced. */
export function isWorking(o: SimOrder): boolean {
  return !TERMINAL.has(o.status);
}

/** Returns the order's volume-weighted average fill price (zero before any fill). */
export function averagePrice(o: SimOrder): Amount {
  return o.cumQty === 0n ? 0n : divAmount(o.cost, o.cumQty);
}

/** Records one fill on the order. */
export function recordFill(o: SimOrder, qty: Amount, price: Amount, ts: EpochMs): void {
  o.cumQty += qty;
  o.cost += mulAmount(qty, price);
  o.lastQty = qty;
  o.lastPx = price;
  o.status = o.cumQty >= o.qty ? 'FILLED' : 'PARTIALLY_FILLED';
  o.updatedAt = ts;
}

/** Returns the v2 wire form (`GET /v2/accounts/{id}/orders` and `account.order` events). */
export function orderV2(o: SimOrder): Record<string, unknown> {
  return {
    clOrdId: o.clOrdId, ordId: o.ordId, ...(o.origClOrdId === undefined ? {} : { origClOrdId: o.origClOrdId }),
    accountId: o.accountId, clientId: o.clientId, symbol: o.symbol, side: o.side, type: o.type,
    timeInForce: o.timeInForce, qty: quantity(o.qty), price: optionalPrice(o.price), stopPrice: optionalPrice(o.stopPrice),
    ordStatus: o.status, cumQty: quantity(o.cumQty), leavesQty: quantity(isWorking(o) ? o.qty - o.cumQty : 0n),
    avgPrice: money(averagePrice(o)), lastQty: o.lastQty === undefined ? '' : quantity(o.lastQty),
    lastPx: optionalPrice(o.lastPx), currency: 'USD', exDestination: 'SIM', text: o.text, ordRejReason: o.ordRejReason,
    securityType: 'EQUITY', category: 'SINGLE_LEG', legs: [], createdAt: rfc3339(o.createdAt), updatedAt: rfc3339(o.updatedAt),
  };
}

/** Returns the legacy v1 wire form (`GET /v1/accounts/{id}/orders`). */
export function orderV1(o: SimOrder): Record<string, unknown> {
  return {
    orderId: o.ordId, clOrdId: o.clOrdId, accountId: o.accountId, clientId: o.clientId, symbol: o.symbol,
    side: o.side, orderType: o.type, status: o.status === 'NEW' ? 'WORKING' : o.status, tif: o.timeInForce,
    quantity: quantity(o.qty), filledQty: quantity(o.cumQty), leavesQty: quantity(isWorking(o) ? o.qty - o.cumQty : 0n),
    price: optionalPrice(o.price), stopPrice: optionalPrice(o.stopPrice), avgPrice: money(averagePrice(o)),
    currency: 'USD', destination: 'SIM', instrument: 'EQUITY', category: 'EQUITY', text: o.text,
    legs: [], createdAt: rfc3339(o.createdAt), updatedAt: rfc3339(o.updatedAt),
  };
}
