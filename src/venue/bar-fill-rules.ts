import type { Bar, OrderSide, OrderType } from '../core/index.js';

/** Where on a bar an order fills: at the open (or a gap through its price), at its own limit or stop price, or at the close. */
export type FillPoint = 'open' | 'limit' | 'stop' | 'close';

/** The order facts the fill rules need, with prices as plain numbers for comparison. */
export interface BarOrder {
  readonly side: OrderSide;
  readonly type: OrderType;
  readonly limit: number;
  readonly stop: number;
  /** For stop-limit orders: whether the stop already triggered on an earlier bar. */
  readonly triggered: boolean;
}

/** The decision for one order on one bar. */
export interface BarMatch {
  /** Where it fills, or `undefined` for no fill on this bar. */
  readonly at: FillPoint | undefined;
  /** Whether a stop-limit's stop has triggered (now or before). */
  readonly triggered: boolean;
}

const NO_FILL: BarMatch = { at: undefined, triggered: false };
const NO_FILL_TRIGGERED: BarMatch = { at: undefined, triggered: true };

/**
 * Returns how an order fills on the next bar after it was decided. The bar's path between open
 * and close is unknown, so the rules are the conservative ones: a gap through a limit or stop
 * fills at the open (a better price for limits, a worse one for stops); otherwise a touched
 * limit fills at the limit and a touched stop at the stop. A stop-limit whose stop triggers
 * inside the bar with a limit on the wrong side of the stop waits for the next bar.
 */
export function matchOnBar(order: BarOrder, bar: Bar): BarMatch {
  const buy = order.side === 'BUY';
  switch (order.type) {
    case 'MARKET':
      return { at: 'open', triggered: false };
    case 'LIMIT':
      return { at: limitPoint(buy, order.limit, bar), triggered: false };
    case 'STOP':
      if (buy ? bar.open >= order.stop : bar.open <= order.stop) return { at: 'open', triggered: true };
      if (buy ? bar.high >= order.stop : bar.low <= order.stop) return { at: 'stop', triggered: true };
      return NO_FILL;
    case 'STOP_LIMIT':
      return matchStopLimit(order, buy, bar);
    default: {
      const never: never = order.type;
      return never;
    }
  }
}

function limitPoint(buy: boolean, limit: number, bar: Bar): FillPoint | undefined {
  if (buy ? bar.open <= limit : bar.open >= limit) return 'open';
  if (buy ? bar.low <= limit : bar.high >= limit) return 'limit';
  return undefined;
}

function matchStopLimit(order: BarOrder, buy: boolean, bar: Bar): BarMatch {
  if (order.triggered) {
    const at = limitPoint(buy, order.limit, bar);
    return at === undefined ? NO_FILL_TRIGGERED : { at, triggered: true };
  }
  if (buy ? bar.open >= order.stop : bar.open <= order.stop) {
    const at = limitPoint(buy, order.limit, bar);
    return at === undefined ? NO_FILL_TRIGGERED : { at, triggered: true };
  }
  if (!(buy ? bar.high >= order.stop : bar.low <= order.stop)) return NO_FILL;
  const stopWithinLimit = buy ? order.stop <= order.limit : order.stop >= order.limit;
  return stopWithinLimit ? { at: 'stop', triggered: true } : NO_FILL_TRIGGERED;
}

/** Returns whether an order is marketable at a single price (used for fills at the decision bar's close). */
export function marketableAt(order: BarOrder, price: number): boolean {
  const buy = order.side === 'BUY';
  const stopOk = buy ? price >= order.stop : price <= order.stop;
  const limitOk = buy ? price <= order.limit : price >= order.limit;
  switch (order.type) {
    case 'MARKET':
      return true;
    case 'LIMIT':
      return limitOk;
    case 'STOP':
      return stopOk;
    case 'STOP_LIMIT':
      return stopOk && limitOk;
    default: {
      const never: never = order.type;
      return never;
    }
  }
}
