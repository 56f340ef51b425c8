import {
  absAmount, deny, DenialCode, formatAmount, intentShapeProblem, PASS, type Amount, type Symbol,
} from '../core/index.js';
import type { RiskCheck } from './risk-check.js';
import { isReducing, notional, projectedPosition, referencePrice } from './order-math.js';

/** Returns a check that refuses malformed intents (non-positive quantity, missing or extra prices). */
export function orderShapeCheck(): RiskCheck {
  return {
    name: 'order-shape',
    check(intent) {
      const problem = intentShapeProblem(intent);
      return problem === undefined ? PASS : deny(DenialCode.INVALID_ORDER, problem);
    },
  };
}

/** Returns a check that refuses orders larger than `maxQty`. */
export function maxOrderQtyCheck(maxQty: Amount): RiskCheck {
  return {
    name: 'max-order-qty',
    check(intent) {
      if (intent.qty <= maxQty) return PASS;
      return deny(DenialCode.MAX_ORDER_QTY_EXCEEDED, `order quantity ${formatAmount(intent.qty)} exceeds ${formatAmount(maxQty)}`, {
        qty: formatAmount(intent.qty), max: formatAmount(maxQty),
      });
    },
  };
}

/** Returns a check that refuses orders whose notional at the reference price exceeds `maxNotional`. */
export function maxOrderNotionalCheck(maxNotional: Amount): RiskCheck {
  return {
    name: 'max-order-notional',
    check(intent, ctx) {
      const price = referencePrice(intent, ctx);
      if (price === undefined) return deny(DenialCode.NO_MARKET_DATA, `no price for ${intent.symbol} to value the order`);
      const value = notional(intent, price);
      if (value <= maxNotional) return PASS;
      return deny(DenialCode.MAX_NOTIONAL_EXCEEDED, `order notional ${formatAmount(value, 2)} exceeds ${formatAmount(maxNotional, 2)}`, {
        notional: formatAmount(value, 2), max: formatAmount(maxNotional, 2),
      });
    },
  };
}

/** Returns a check that refuses orders that would take |position| (with working orders) above `maxQty`. */
export function maxPositionCheck(maxQty: Amount): RiskCheck {
  return {
    name: 'max-position',
    check(intent, ctx) {
      if (isReducing(intent, ctx)) return PASS;
      const after = absAmount(projectedPosition(intent, ctx));
      if (after <= maxQty) return PASS;
      return deny(DenialCode.MAX_POSITION_EXCEEDED, `position in ${intent.symbol} would reach ${formatAmount(after)}, limit ${formatAmount(maxQty)}`, {
        projected: formatAmount(after), max: formatAmount(maxQty),
      });
    },
  };
}

/** Returns a check that refuses symbols outside `allowed`. */
export function allowedSymbolsCheck(allowed: readonly Symbol[]): RiskCheck {
  const set = new Set<Symbol>(allowed);
  return {
    name: 'allowed-symbols',
    check(intent) {
      if (set.has(intent.symbol)) return PASS;
      return deny(DenialCode.SYMBOL_NOT_ALLOWED, `${intent.symbol} is not in the allowed symbols (${allowed.join(', ')})`);
    },
  };
}
