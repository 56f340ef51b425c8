import { amountFromNumber, mulAmount, ZERO, type Amount, type Order, type OrderIntent } from '../core/index.js';
import type { RiskContext } from './risk-context.js';

/**
 * Returns the price the gate values an order at: its limit price, else its stop price, else the
 * last market price; `undefined` when the symbol has no market data yet.
 */
export function referencePrice(intent: OrderIntent, ctx: RiskContext): Amount | undefined {
  if (intent.limitPrice !== undefined) return intent.limitPrice;
  if (intent.stopPrice !== undefined) return intent.stopPrice;
  const last = ctx.lastPrice(intent.symbol);
  return last === undefined ? undefined : amountFromNumber(last);
}

/** Returns the signed quantity of an intent (+ for buys). */
export function signedQty(intent: OrderIntent): Amount {
  return intent.side === 'BUY' ? intent.qty : -intent.qty;
}

/** Returns the signed quantity still working on an open order. */
export function signedOpenQty(order: Order): Amount {
  const leaves = order.intent.qty - order.filledQty;
  return order.intent.side === 'BUY' ? leaves : -leaves;
}

/** Returns the signed position in the intent's symbol, including every open order that would add to it in the intent's direction. */
export function projectedPosition(intent: OrderIntent, ctx: RiskContext): Amount {
  let qty = ctx.portfolio.position(intent.symbol)?.qty ?? ZERO;
  const sign = intent.side === 'BUY';
  for (const order of ctx.openOrders) {
    if (order.intent.symbol !== intent.symbol || (order.intent.side === 'BUY') !== sign) continue;
    qty += signedOpenQty(order);
  }
  return qty + signedQty(intent);
}

/**
 * Returns whether the intent only reduces the current position (never crosses zero or adds),
 * counting working orders on its side: they would fill too, so two stacked sells of a whole long
 * together open a short and the second one is not reducing.
 */
export function isReducing(intent: OrderIntent, ctx: RiskContext): boolean {
  const current = ctx.portfolio.position(intent.symbol)?.qty ?? ZERO;
  if (current === ZERO) return false;
  const after = projectedPosition(intent, ctx);
  return current > ZERO ? after >= ZERO && after < current : after <= ZERO && after > current;
}

/** Returns the absolute notional of the intent at `price`. */
export function notional(intent: OrderIntent, price: Amount): Amount {
  return mulAmount(intent.qty, price);
}
