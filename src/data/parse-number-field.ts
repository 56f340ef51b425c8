import { rowError } from './row-error.js';

// Number('') is 0 and Number(' 1 ') is 1, so the text is checked before Number() sees it.
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Returns the field as a finite number, or throws `DATA_ERR_INVALID_ROW` (`<file>:<line>: …`)
 * for an empty field, Yahoo's `null`, or anything that is not a plain decimal (`abc`, `NaN`, `Infinity`).
 */
export function parseNumberField(text: string | undefined, column: string, file: string, line: number): number {
  if (text === undefined || text === '') throw rowError(file, line, `${column} is empty`);
  if (text === 'null') throw rowError(file, line, `${column} is null`);
  const value = DECIMAL.test(text) ? Number(text) : Number.NaN;
  if (!Number.isFinite(value)) throw rowError(file, line, `${column} is not a finite number: "${text}"`);
  return value;
}
