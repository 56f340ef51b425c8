import { deny, DenialCode, formatAmount, mulAmount, PASS, ZERO, type Amount } from '../core/index.js';
import type { RiskCheck } from './risk-check.js';
import { isReducing, notional, referencePrice, signedOpenQty } from './order-math.js';
import type { RiskContext } from './risk-context.js';

/**
 * Returns a check that refuses exposure-increasing orders the account cannot pay for. Buying
 * power is equity minus gross exposure minus what working orders already reserve (1× leverage:
 * for a long-only cash account that is simply the free cash). Reducing orders always pass.
 */
export function buyingPowerCheck(): RiskCheck {
  return {
    name: 'buying-power',
    check(intent, ctx) {
      if (isReducing(intent, ctx)) return PASS;
      const price = referencePrice(intent, ctx);
      if (price === undefined) return deny(DenialCode.NO_MARKET_DATA, `no price for ${intent.symbol} to value the order`);
      const required = notional(intent, price);
      const available = buyingPower(ctx);
      if (required <= available) return PASS;
      const need = formatAmount(required, 2);
      const have = formatAmount(available, 2);
      return deny(DenialCode.INSUFFICIENT_BUYING_POWER, `order needs ${need}, buying power is ${have}`, { required: need, available: have });
    },
  };
}

/** Returns equity minus gross exposure minus the value reserved by working orders. */
export function buyingPower(ctx: RiskContext): Amount {
  let reserved = ZERO;
  for (const order of ctx.openOrders) {
    const price = referencePrice(order.intent, ctx);
    if (price === undefined) continue;
    const open = signedOpenQty(order);
    reserved += mulAmount(open < ZERO ? -open : open, price);
  }
  return ctx.portfolio.equity - ctx.portfolio.grossExposure - reserved;
}

/**
 * Returns a check that refuses orders while the regular session is closed, unless the run
 * queues such orders for the next open (daily bars with next-open fills) and the order's time in
 * force lets it wait (DAY or GTC).
 */
export function marketHoursCheck(): RiskCheck {
  return {
    name: 'market-hours',
    check(intent, ctx) {
      if (ctx.calendar.isOpen(ctx.now)) return PASS;
      if (ctx.queueForNextOpen && (intent.tif === 'DAY' || intent.tif === 'GTC')) return PASS;
      const next = ctx.calendar.currentOrNextSession(ctx.now);
      return deny(DenialCode.MARKET_CLOSED, `market is closed; next session opens ${new Date(next.open).toISOString()}`, {
        nextOpen: next.open,
      });
    },
  };
}
