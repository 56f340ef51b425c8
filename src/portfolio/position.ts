import { AMOUNT_SCALE, divAmount, mulAmount, ZERO, type Amount, type Fill, type Symbol } from '../core/index.js';

/** A position in one symbol. `qty` is signed (negative = short); `avgPrice` is the average entry price. */
export interface Position {
  readonly symbol: Symbol;
  readonly qty: Amount;
  readonly avgPrice: Amount;
  readonly realizedPnl: Amount;
}

/** The result of applying a fill to a position. */
export interface PositionChange {
  readonly position: Position;
  /** PnL realised by the closing part of this fill (before commission). */
  readonly realized: Amount;
  /** How much of the fill reduced the existing position. */
  readonly closedQty: Amount;
  /** How much of the fill opened or increased a position. */
  readonly openedQty: Amount;
}

/** Returns an empty position in `symbol`. */
export function flatPosition(symbol: Symbol): Position {
  return { symbol, qty: ZERO, avgPrice: ZERO, realizedPnl: ZERO };
}

/**
 * Returns the position after a fill (a pure reducer). Adding to a position moves the average
 * price; reducing realises PnL against it; crossing zero closes the old side and opens the new one
 * at the fill price.
 */
export function applyFill(pos: Position, fill: Fill): PositionChange {
  const signed = fill.side === 'BUY' ? fill.qty : -fill.qty;
  const qty = pos.qty;
  if (qty === ZERO || (qty > ZERO) === (signed > ZERO)) {
    const total = qty + signed;
    const absOld = qty < ZERO ? -qty : qty;
    const absTotal = total < ZERO ? -total : total;
    const cost = mulAmount(absOld, pos.avgPrice) + mulAmount(fill.qty, fill.price);
    const avgPrice = divAmount(cost, absTotal);
    return { position: { ...pos, qty: total, avgPrice }, realized: ZERO, closedQty: ZERO, openedQty: fill.qty };
  }
  const absOld = qty < ZERO ? -qty : qty;
  const closedQty = fill.qty < absOld ? fill.qty : absOld;
  const direction = qty > ZERO ? 1n : -1n;
  const realized = mulAmount(closedQty, fill.price - pos.avgPrice) * direction;
  const total = qty + signed;
  const openedQty = fill.qty - closedQty;
  const avgPrice = total === ZERO ? ZERO : openedQty > ZERO ? fill.price : pos.avgPrice;
  return {
    position: { ...pos, qty: total, avgPrice, realizedPnl: pos.realizedPnl + realized },
    realized,
    closedQty,
    openedQty,
  };
}

/** Returns the signed market value of `qty` at `price` (both exact). */
export function marketValue(qty: Amount, price: Amount): Amount {
  return qty === ZERO ? ZERO : mulAmount(qty, price);
}

/** Returns the unrealised PnL of a position at `price`. */
export function unrealizedPnl(pos: Position, price: Amount): Amount {
  return pos.qty === ZERO ? ZERO : mulAmount(pos.qty, price - pos.avgPrice);
}

/** Returns one whole unit as an Amount (useful for whole-share quantities). */
export const ONE: Amount = AMOUNT_SCALE;
