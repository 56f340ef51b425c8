import { amountFromNumber, mulAmount, ZERO, type Amount } from '../core/index.js';

/** What a fee model is told about one fill. */
export interface FeeParams {
  readonly qty: Amount;
  readonly price: Amount;
  /** Whether this is the order's first fill (per-order fees are charged once). */
  readonly firstFill: boolean;
}

/** Returns the commission for one fill. */
export interface FeeModel {
  commission(p: FeeParams): Amount;
}

/** Returns a model that charges nothing. */
export function noFees(): FeeModel {
  return { commission: () => ZERO };
}

/** Returns a model charging `rate` (0.001 = 0.1 %) of each fill's notional. */
export function percentFee(rate: number): FeeModel {
  const scaled = amountFromNumber(rate);
  return { commission: (p) => mulAmount(mulAmount(p.qty, p.price), scaled) };
}

/** Returns a model charging a fixed amount per share (or unit) filled. */
export function perShareFee(perShare: Amount): FeeModel {
  return { commission: (p) => mulAmount(p.qty, perShare) };
}

/** Returns a model charging a fixed amount once per order, on its first fill. */
export function perOrderFee(perOrder: Amount): FeeModel {
  return { commission: (p) => (p.firstFill ? perOrder : ZERO) };
}

/**
 * A commission schedule as the config spells it (`0.1%`, `0.005/share`, `1/order`, `0`); the
 * config's `CommissionSpec` has this shape.
 */
export type FeeSpec =
  | { readonly kind: 'percent'; readonly rate: number }
  | { readonly kind: 'per-share'; readonly amount: Amount }
  | { readonly kind: 'per-order'; readonly amount: Amount }
  | { readonly kind: 'none' };

/** Returns the fee model for a commission schedule; absent means no fees. */
export function feeModelFor(spec: FeeSpec | undefined): FeeModel {
  switch (spec?.kind) {
    case undefined:
    case 'none':
      return noFees();
    case 'percent':
      return percentFee(spec.rate);
    case 'per-share':
      return perShareFee(spec.amount);
    case 'per-order':
      return perOrderFee(spec.amount);
    default: {
      const never: never = spec;
      return never;
    }
  }
}
