import type { Bar, Symbol } from '../core/index.js';
import type { SessionLookup } from './bar-source.js';
import { headerFormatError, isYahooHeader } from './bar-headers.js';
import { isYmdDate } from './calendar-date.js';
import { checkOhlcv } from './check-ohlcv.js';
import { parseNumberField } from './parse-number-field.js';
import type { RowParser } from './stream-bars.js';
import { rowError } from './row-error.js';

/** What the Yahoo row parser needs besides the rows. */
export interface YahooParserOptions {
  readonly path: string;
  readonly symbol: Symbol;
  readonly sessionOf: SessionLookup;
  readonly adjusted: boolean;
}

/**
 * Returns a parser for Yahoo Finance daily rows (`Date,Open,High,Low,Close,Adj Close,Volume`), or
 * throws `DATA_ERR_FORMAT` when the header differs. A bar spans its date's session; with `adjusted`
 * the prices are scaled by `Adj Close / Close` and the close is `Adj Close`.
 */
export function yahooRowParser(header: readonly string[], options: YahooParserOptions): RowParser {
  const { path, symbol, sessionOf, adjusted } = options;
  if (!isYahooHeader(header)) throw headerFormatError(path, header, 'yahoo');
  const toBar = (f: readonly string[], line: number): Bar => {
    if (f.length !== 7) throw rowError(path, line, `expected 7 columns, got ${f.length}`);
    const date = f[0] ?? '';
    if (date === '') throw rowError(path, line, 'Date is empty');
    if (!isYmdDate(date)) throw rowError(path, line, `bad Date "${date}", expected YYYY-MM-DD`);
    const open = parseNumberField(f[1], 'Open', path, line);
    const high = parseNumberField(f[2], 'High', path, line);
    const low = parseNumberField(f[3], 'Low', path, line);
    const close = parseNumberField(f[4], 'Close', path, line);
    const adjClose = parseNumberField(f[5], 'Adj Close', path, line);
    const volume = parseNumberField(f[6], 'Volume', path, line);
    checkOhlcv(open, high, low, close, volume, path, line);
    if (adjClose <= 0) throw rowError(path, line, `Adj Close must be positive, got ${adjClose}`);
    const session = sessionOf(date);
    if (session === undefined) throw rowError(path, line, `${date} is not a trading day`);
    const k = adjusted ? adjClose / close : 1;
    return {
      kind: 'bar', symbol, ts: session.open, tsEnd: session.close,
      open: open * k, high: high * k, low: low * k, close: adjusted ? adjClose : close, volume,
    };
  };
  return { toBar, timeText: (f) => f[0] ?? '' };
}
