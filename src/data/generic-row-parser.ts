import type { Bar, Symbol } from '../core/index.js';
import { genericColumns, headerFormatError, type GenericColumns } from './bar-headers.js';
import { ByteRow, FieldKind } from './byte-row.js';
import { checkOhlcv, isConsistentOhlcv } from './check-ohlcv.js';
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

/** Returns the byte fast path: the bar of a plain, valid row, else `undefined` (the string parser decides). */
function genericFromBytes(col: GenericColumns, symbol: Symbol, intervalMs: number): NonNullable<RowParser['fromBytes']> {
  const slots = [col.timestamp, col.open, col.high, col.low, col.close, col.volume];
  const kinds: FieldKind[] = [];
  const slotOf: number[] = [];
  for (let j = 0; j < 6; j += 1) {
    const slot = slots.indexOf(j);
    kinds.push(slot === 0 ? FieldKind.ISO_TIMESTAMP : FieldKind.DECIMAL);
    slotOf.push(slot);
  }
  const row = new ByteRow(kinds, slotOf);
  const v = row.values;
  return (bytes, start, end) => {
    if (!row.read(bytes, start, end)) return undefined;
    const ts = v[0] ?? 0;
    const open = v[1] ?? 0;
    const high = v[2] ?? 0;
    const low = v[3] ?? 0;
    const close = v[4] ?? 0;
    const volume = v[5] ?? 0;
    if (!isConsistentOhlcv(open, high, low, close, volume)) return undefined;
    return { kind: 'bar', symbol, ts, tsEnd: ts + intervalMs, open, high, low, close, volume };
  };
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
  return { toBar, timeText: (f) => f[col.timestamp] ?? '', fromBytes: genericFromBytes(col, symbol, intervalMs) };
}
