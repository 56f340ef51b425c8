import type { Bar, Symbol } from '../core/index.js';
import { genericColumns, headerFormatError } from './bar-headers.js';
import { checkOhlcv } from './check-ohlcv.js';
import { parseIsoTimestamp } from './parse-iso-timestamp.js';
import { parseNumberField } from './parse-number-field.js';
import type { RowParser } from './stream-bars.js';
import { rowError } from './row-error.js';

/** What the generic row parser needs besides the rows. */
export interface GenericParserOptions {
  readonly path: string;
  readonly symbol: Symbol;
  /** Bar length: `tsEnd = ts + intervalMs`. */
  readonly intervalMs: number;
}

/**
 * Returns a parser for generic OHLCV rows (`timestamp,open,high,low,close,volume` in any order
 * and case; `timestamp` is the bar's ISO 8601 open time with a zone), or throws `DATA_ERR_FORMAT`
 * when the header differs.
 */
export function genericRowParser(header: readonly string[], options: GenericParserOptions): RowParser {
  const { path, symbol, intervalMs } = options;
  const col = genericColumns(header);
  if (col === undefined) throw headerFormatError(path, header, 'generic');
  const toBar = (f: readonly string[], line: number): Bar => {
    if (f.length !== 6) throw rowError(path, line, `expected 6 columns, got ${f.length}`);
    const text = f[col.timestamp] ?? '';
    if (text === '') throw rowError(path, line, 'timestamp is empty');
    const ts = parseIsoTimestamp(text, path, line);
    const open = parseNumberField(f[col.open], 'open', path, line);
    const high = parseNumberField(f[col.high], 'high', path, line);
    const low = parseNumberField(f[col.low], 'low', path, line);
    const close = parseNumberField(f[col.close], 'close', path, line);
    const volume = parseNumberField(f[col.volume], 'volume', path, line);
    checkOhlcv(open, high, low, close, volume, path, line);
    return { kind: 'bar', symbol, ts, tsEnd: ts + intervalMs, open, high, low, close, volume };
  };
  return { toBar, timeText: (f) => f[col.timestamp] ?? '' };
}
