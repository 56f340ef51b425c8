/**
 * Exact decimal amounts for money, prices on orders and quantities.
 *
 * An `Amount` is a bigint holding the value scaled by 10^8 (eight decimal places, the precision
 * NautilusTrader uses for its fixed-point values). Aries sends decimal strings; they parse here
 * without passing through a float. Market data prices may be plain numbers and are converted with
 * {@link amountFromNumber} at the one point where they become money (a fill).
 */

/** Returns the number of decimal places an {@link Amount} keeps. */
export const AMOUNT_DECIMALS = 8;
/** The scale factor of an {@link Amount}: 10^8. */
export const AMOUNT_SCALE = 100_000_000n;

/** A decimal value held exactly as a bigint scaled by {@link AMOUNT_SCALE}. */
export type Amount = bigint;

/** Returns zero as an Amount. */
export const ZERO: Amount = 0n;

const DECIMAL_RE = /^([+-]?)(\d+)(?:\.(\d+))?$/;

/**
 * Returns the exact Amount for a decimal string such as `"150.00"` or `"-0.5"`. Digits past the
 * eighth decimal are rounded half-even. Returns `undefined` for anything that is not a plain
 * decimal (exponents, `NaN`, empty string).
 */
export function parseAmount(text: string): Amount | undefined {
  const m = DECIMAL_RE.exec(text.trim());
  if (m === null) return undefined;
  const [, sign, whole = '0', frac = ''] = m;
  const kept = frac.slice(0, AMOUNT_DECIMALS).padEnd(AMOUNT_DECIMALS, '0');
  let value = BigInt(whole) * AMOUNT_SCALE + BigInt(kept);
  const rest = frac.slice(AMOUNT_DECIMALS);
  if (rest.length > 0 && roundsUp(rest, value)) value += 1n;
  return sign === '-' ? -value : value;
}

function roundsUp(rest: string, value: bigint): boolean {
  const first = rest.charCodeAt(0) - 48;
  if (first > 5) return true;
  if (first < 5) return false;
  if (/[1-9]/.test(rest.slice(1))) return true;
  return value % 2n === 1n;
}

/**
 * Returns the Amount for a finite number, rounded to eight decimals (what `value.toFixed(8)`
 * spells). Prices from market data take a fast path: below 2^20 a double's error is under
 * 1.2e-10, far inside half of 1e-8, so when `round(value·1e8)/1e8` gives back `value` that
 * integer is exactly the eight-decimal rounding; any other value takes the decimal-string path.
 * Throws on NaN or infinity.
 */
export function amountFromNumber(value: number): Amount {
  const scaled = Math.round(value * 1e8);
  if (scaled / 1e8 === value && value < 1_048_576 && value > -1_048_576) return BigInt(scaled);
  if (!Number.isFinite(value)) throw new RangeError(`amount must be finite, got ${value}`);
  if (Number.isInteger(value) && Math.abs(value) < 9e7) return BigInt(value) * AMOUNT_SCALE;
  const parsed = parseAmount(value.toFixed(AMOUNT_DECIMALS));
  if (parsed === undefined) throw new RangeError(`amount out of range: ${value}`);
  return parsed;
}

/** Returns the Amount as a float (for statistics and display only, never for bookkeeping). */
export function amountToNumber(value: Amount): number {
  return Number(value) / 1e8;
}

/**
 * Returns the product of two Amounts (price × quantity), rounded half-even to eight decimals.
 * A whole quantity times a price divides exactly, so the common case is one multiply and one divide.
 */
export function mulAmount(a: Amount, b: Amount): Amount {
  const n = a * b;
  const q = n / AMOUNT_SCALE;
  return n === q * AMOUNT_SCALE ? q : divRoundHalfEven(n, AMOUNT_SCALE);
}

/** Returns a ÷ b rounded half-even to eight decimals. Throws when b is zero. */
export function divAmount(a: Amount, b: Amount): Amount {
  if (b === 0n) throw new RangeError('division by a zero amount');
  return divRoundHalfEven(a * AMOUNT_SCALE, b);
}

function divRoundHalfEven(n: bigint, d: bigint): bigint {
  const negative = n < 0n !== d < 0n;
  const an = n < 0n ? -n : n;
  const ad = d < 0n ? -d : d;
  let q = an / ad;
  const r = an % ad;
  const twice = r * 2n;
  if (twice > ad || (twice === ad && q % 2n === 1n)) q += 1n;
  return negative ? -q : q;
}

/** Returns the absolute value of an Amount. */
export function absAmount(a: Amount): Amount {
  return a < 0n ? -a : a;
}

/** Returns the smaller of two Amounts. */
export function minAmount(a: Amount, b: Amount): Amount {
  return a < b ? a : b;
}

/** Returns the larger of two Amounts. */
export function maxAmount(a: Amount, b: Amount): Amount {
  return a > b ? a : b;
}

/**
 * Returns the decimal string of an Amount with at least `minDecimals` places and no trailing
 * zeros beyond them: `formatAmount(150n * AMOUNT_SCALE, 2)` is `"150.00"`.
 */
export function formatAmount(value: Amount, minDecimals = 0): string {
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const whole = (abs / AMOUNT_SCALE).toString();
  const fraction = abs % AMOUNT_SCALE;
  let frac = fraction === 0n ? '' : fraction.toString().padStart(AMOUNT_DECIMALS, '0');
  let end = frac.length;
  while (end > 0 && frac.charCodeAt(end - 1) === 48) end -= 1;
  frac = frac.slice(0, end);
  if (frac.length < minDecimals) frac = frac.padEnd(minDecimals, '0');
  const body = frac.length > 0 ? `${whole}.${frac}` : whole;
  return negative ? `-${body}` : body;
}
