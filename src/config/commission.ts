import { RunnerError, parseAmount } from '../core/index.js';
import type { Amount } from '../core/index.js';

/** How a backtest charges commission on a fill. */
export type CommissionSpec =
  | { readonly kind: 'percent'; readonly rate: number }
  | { readonly kind: 'per-share'; readonly amount: Amount }
  | { readonly kind: 'per-order'; readonly amount: Amount }
  | { readonly kind: 'none' };

/** The commission forms {@link parseCommission} accepts, for error messages and help text. */
export const COMMISSION_FORMS = ["'0.1%'", "'0.005/share'", "'1/order'", "'0'"] as const;

const COMMISSION_RE = /^(\d+(?:\.\d+)?)(%|\/share|\/order)?$/;

/**
 * Returns the commission described by `text`: `'0.1%'` (a rate of notional, here 0.001),
 * `'0.005/share'`, `'1/order'` or `'0'` (none). Amounts are kept exact. Throws a RunnerError
 * `CONFIG_ERR_INVALID` listing the accepted forms for anything else.
 */
export function parseCommission(text: string): CommissionSpec {
  const m = COMMISSION_RE.exec(text.trim());
  const digits = m?.[1];
  const amount = digits === undefined ? undefined : parseAmount(digits);
  if (m === null || amount === undefined) throw invalidCommission(text);
  const unit = m[2];
  if (unit === undefined) {
    // A bare number is only unambiguous when it is zero; '5' could mean per share or per order.
    if (amount === 0n) return { kind: 'none' };
    throw invalidCommission(text);
  }
  if (unit === '%') {
    // Percent digits go through the exact Amount so '0.1%' becomes 0.001, not 0.0010000000000000002.
    const rate = Number(amount) / 1e10;
    if (rate > 1) throw invalidCommission(text, 'a percentage above 100%');
    return { kind: 'percent', rate };
  }
  return unit === '/share' ? { kind: 'per-share', amount } : { kind: 'per-order', amount };
}

function invalidCommission(text: string, why?: string): RunnerError {
  const reason = why === undefined ? '' : ` (${why})`;
  return new RunnerError(
    'CONFIG_ERR_INVALID',
    `invalid commission ${JSON.stringify(text)}${reason}; expected one of ${COMMISSION_FORMS.join(', ')}`,
  );
}
