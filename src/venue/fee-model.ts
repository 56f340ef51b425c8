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
