import type { Bar, Symbol } from '../core/index.js';
import type { SessionLookup } from './bar-source.js';
import { headerFormatError, isYahooHeader } from './bar-headers.js';
import { ByteRow, FieldKind } from './byte-row.js';
import { isYmdDate } from './calendar-date.js';
import { checkOhlcv, isConsistentOhlcv } from './check-ohlcv.js';
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

const D = FieldKind.DECIMAL;

/** Returns the bar from its parsed values (shared by both paths, so they cannot drift apart). */
function yahooBar(symbol: Symbol, session: { open: number; close: number }, adjusted: boolean, o: number, h: number, l: number, c: number, adj: number, volume: number): Bar {
  const k = adjusted ? adj / c : 1;
  return {
    kind: 'bar', symbol, ts: session.open, tsEnd: session.close,
    open: o * k, high: h * k, low: l * k, close: adjusted ? adj : c, volume,
  };
}

/** Returns the byte fast path: the bar of a plain, valid row, else `undefined` (the string parser decides). */
function yahooFromBytes(options: YahooParserOptions): NonNullable<RowParser['fromBytes']> {
  const { symbol, sessionOf, adjusted } = options;
  const row = new ByteRow([FieldKind.YMD_DATE, D, D, D, D, D, D], [0, 1, 2, 3, 4, 5, 6]);
  const v = row.values;
  return (bytes, start, end) => {
    if (!row.read(bytes, start, end)) return undefined;
    const open = v[1] ?? 0;
    const high = v[2] ?? 0;
    const low = v[3] ?? 0;
    const close = v[4] ?? 0;
    const adjClose = v[5] ?? 0;
    const volume = v[6] ?? 0;
    if (!isConsistentOhlcv(open, high, low, close, volume) || adjClose <= 0) return undefined;
    const session = sessionOf(bytes.toString('latin1', start, start + 10));
    if (session === undefined) return undefined;
    return yahooBar(symbol, session, adjusted, open, high, low, close, adjClose, volume);
  };
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
    return yahooBar(symbol, session, adjusted, open, high, low, close, adjClose, volume);
  };
  return { toBar, timeText: (f) => f[0] ?? '', fromBytes: yahooFromBytes(options) };
}
