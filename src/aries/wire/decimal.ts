import { z } from 'zod';
import { amountFromNumber, parseAmount } from '../../core/index.js';
import type { Amount } from '../../core/index.js';

/** Plain decimal text: optional sign, digits, optional fraction. No exponent, no spaces. */
const PLAIN_DECIMAL = /^[+-]?\d+(?:\.\d+)?$/;

function toAmount(value: string | number, ctx: z.RefinementCtx): Amount | undefined {
  if (typeof value === 'number') {
    // A JSON number where a decimal string belongs is tolerated; zod already refused NaN/Infinity.
    return amountFromNumber(value);
  }
  if (value === '') return undefined;
  const parsed = PLAIN_DECIMAL.test(value) ? parseAmount(value) : undefined;
  if (parsed === undefined) {
    ctx.addIssue({ code: 'custom', message: 'not a plain decimal string' });
    return z.NEVER;
  }
  return parsed;
}

/**
 * A decimal string (`"150.00"`) parsed exactly to an {@link Amount}. The empty string means
 * unset and yields `undefined`. Exponents, `NaN`, spaces and other text are refused.
 */
export const decimalString = z.union([z.string(), z.number()]).transform(toAmount);

/** A decimal string that must be set (the empty string is refused). */
export const requiredDecimal = decimalString.refine((v) => v !== undefined, 'decimal value is required').transform((v) => v ?? 0n);

/** A decimal string for a quantity: unset or zero or more; negative values are refused. */
export const quantityString = decimalString.refine((v) => v === undefined || v >= 0n, 'quantity must not be negative');

/** A finite JSON number as used on market data (NaN and Infinity are refused by zod 4). */
export const marketNumber = z.number();

/**
 * A timestamp sent either as Unix milliseconds or as an ISO 8601 / RFC 3339 string; parsed to
 * epoch milliseconds. Unparseable strings are refused.
 */
export const epochMsOrIso = z.union([z.number().int(), z.string()]).transform((value, ctx) => {
  if (typeof value === 'number') return value;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) {
    ctx.addIssue({ code: 'custom', message: 'not a timestamp' });
    return z.NEVER;
  }
  return ms;
});

/** An RFC 3339 timestamp string kept as text (mapping converts it with {@link isoToEpochMs}). */
export const rfc3339 = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'not an RFC 3339 timestamp');

/** Returns epoch milliseconds for an RFC 3339 string, or `undefined` when absent or unparseable. */
export function isoToEpochMs(text: string | undefined): number | undefined {
  if (text === undefined || text === '') return undefined;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : ms;
}
