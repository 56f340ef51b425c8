import { rowError } from './row-error.js';

// Number('') is 0 and Number(' 1 ') is 1, so the text is checked before Number() sees it.
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const ZERO = 48;
const DOT = 46;
/** Exact powers of ten (all below 2^53, so exactly representable). */
const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15] as const;

/**
 * Returns the value of plain `digits[.digits]` text with at most 15 digits, else `undefined`.
 * Both the digit string and the power of ten are exact doubles, so one division is correctly
 * rounded and gives exactly what `Number(text)` gives (the classic fast path of float parsers).
 */
function plainDecimal(text: string): number | undefined {
  const n = text.length;
  if (n === 0 || n > 16) return undefined;
  let mantissa = 0;
  let dot = -1;
  for (let i = 0; i < n; i += 1) {
    const d = text.charCodeAt(i) - ZERO;
    if (d >= 0 && d <= 9) mantissa = mantissa * 10 + d;
    else if (d === DOT - ZERO && dot < 0) dot = i;
    else return undefined;
  }
  if (dot === 0 && n === 1) return undefined;
  const scale = dot < 0 ? 0 : n - 1 - dot;
  if (n - (dot < 0 ? 0 : 1) > 15) return undefined;
  return scale === 0 ? mantissa : mantissa / (POW10[scale] ?? Number.NaN);
}

/**
 * Returns the field as a finite number, or throws `DATA_ERR_INVALID_ROW` (`<file>:<line>: …`)
 * for an empty field, Yahoo's `null`, or anything that is not a plain decimal (`abc`, `NaN`, `Infinity`).
 */
export function parseNumberField(text: string | undefined, column: string, file: string, line: number): number {
  if (text === undefined || text === '') throw rowError(file, line, `${column} is empty`);
  const fast = plainDecimal(text);
  if (fast !== undefined) return fast;
  if (text === 'null') throw rowError(file, line, `${column} is null`);
  const value = DECIMAL.test(text) ? Number(text) : Number.NaN;
  if (!Number.isFinite(value)) throw rowError(file, line, `${column} is not a finite number: "${text}"`);
  return value;
}
