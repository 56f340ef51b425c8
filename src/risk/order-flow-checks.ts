import {
  absAmount, amountFromNumber, AMOUNT_SCALE, deny, DenialCode, formatAmount, PASS, type Amount,
} from '../core/index.js';
import type { RiskCheck } from './risk-check.js';
import { isReducing } from './order-math.js';

/**
 * Returns a check that refuses new orders while `max` orders are already working. Reducing
 * orders still pass: exits must never be trapped behind resting entries, and isReducing counts
 * working orders, so stacked exits stop passing once they would cross zero.
 */
export function maxOpenOrdersCheck(max: number): RiskCheck {
  return {
    name: 'max-open-orders',
    check(intent, ctx) {
      const open = ctx.openOrders.length;
      if (open < max || isReducing(intent, ctx)) return PASS;
      return deny(DenialCode.MAX_OPEN_ORDERS, `${open} orders are working, limit ${max}`, { open, max });
    },
  };
}

/** Returns whether `price` is more than `pct` percent away from `ref`, exactly. */
function outsideCollar(price: Amount, ref: Amount, pct: Amount): boolean {
  return absAmount(price - ref) * 100n * AMOUNT_SCALE > pct * ref;
}

/**
 * Returns a check that refuses limit and stop prices more than `pct` percent away from the last
 * quote or trade price (a fat-finger guard; it applies to exits too). Market orders carry no
 * price and pass; a priced order with no market data yet is refused NO_MARKET_DATA.
 */
export function priceCollarCheck(pct: number): RiskCheck {
  const limit = amountFromNumber(pct);
  return {
    name: 'price-collar',
    check(intent, ctx) {
      const prices = [intent.limitPrice, intent.stopPrice].filter((p): p is Amount => p !== undefined);
      if (prices.length === 0) return PASS;
      const last = ctx.lastPrice(intent.symbol);
      if (last === undefined) return deny(DenialCode.NO_MARKET_DATA, `no price for ${intent.symbol} to collar the order against`);
      const ref = amountFromNumber(last);
      const bad = prices.find((p) => outsideCollar(p, ref, limit));
      if (bad === undefined) return PASS;
      return deny(DenialCode.PRICE_COLLAR, `price ${formatAmount(bad)} is more than ${formatAmount(limit)} % from the last price ${formatAmount(ref)}`, {
        price: formatAmount(bad), last: formatAmount(ref), maxPct: formatAmount(limit),
      });
    },
  };
}
