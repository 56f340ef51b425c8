import { RunnerError } from '../core/index.js';
import { DataErrorCode } from './row-error.js';

/** The exact header of a Yahoo Finance daily CSV. */
export const YAHOO_HEADER = 'Date,Open,High,Low,Close,Adj Close,Volume';

const GENERIC_COLUMNS = ['timestamp', 'open', 'high', 'low', 'close', 'volume'] as const;

/** Where each generic column sits in a row. */
export type GenericColumns = { readonly [K in (typeof GENERIC_COLUMNS)[number]]: number };

/** Returns whether the header fields are exactly the Yahoo header. */
export function isYahooHeader(fields: readonly string[]): boolean {
  return fields.join(',') === YAHOO_HEADER;
}

/**
 * Returns the column positions when the header holds exactly the generic columns
 * (any order, any case), else `undefined`.
 */
export function genericColumns(fields: readonly string[]): GenericColumns | undefined {
  const names = fields.map((f) => f.trim().toLowerCase());
  if (names.length !== GENERIC_COLUMNS.length || new Set(names).size !== names.length) return undefined;
  const at = (name: string): number => names.indexOf(name);
  if (GENERIC_COLUMNS.some((c) => at(c) < 0)) return undefined;
  return { timestamp: at('timestamp'), open: at('open'), high: at('high'), low: at('low'), close: at('close'), volume: at('volume') };
}

/** Returns the `DATA_ERR_FORMAT` error for a header no reader accepts (or not the one requested). */
export function headerFormatError(path: string, fields: readonly string[], wanted?: string): RunnerError {
  const accepted = wanted === 'yahoo'
    ? `"${YAHOO_HEADER}" (Yahoo)`
    : wanted === 'generic'
      ? `the columns ${GENERIC_COLUMNS.join(',')} in any order (generic)`
      : `"${YAHOO_HEADER}" (Yahoo) or the columns ${GENERIC_COLUMNS.join(',')} in any order (generic)`;
  return new RunnerError(DataErrorCode.FORMAT, `${path}: header "${fields.join(',')}" is not recognised; expected ${accepted}`);
}
