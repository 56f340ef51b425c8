import type { Amount } from './amount.js';
import type { EpochMs, ExecId, OrderId, Symbol } from './ids.js';
import type { OrderSide } from './order.js';

/** One execution of (part of) an order. `price` and `commission` are exact amounts. */
export interface Fill {
  readonly orderId: OrderId;
  readonly execId: ExecId;
  readonly symbol: Symbol;
  readonly side: OrderSide;
  readonly qty: Amount;
  readonly price: Amount;
  readonly commission: Amount;
  readonly ts: EpochMs;
}
