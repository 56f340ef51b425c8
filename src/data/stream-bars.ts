import { RunnerError } from '../core/index.js';
import type { Bar, EpochMs } from '../core/index.js';
import { readCsvBatches, type CsvBatch } from './csv-batches.js';
import { isLineBatch, readCsvLineBatches, type LineBatch, type RawCsvBatch } from './csv-line-batches.js';
import { DataErrorCode, rowError } from './row-error.js';

/** Turns the data rows of one CSV layout into bars. */
export interface RowParser {
  /** Returns the row as a bar, or throws `DATA_ERR_INVALID_ROW` naming `file:line`. */
  toBar(fields: readonly string[], line: number): Bar;
  /** Returns the row's time as written, for error messages. */
  timeText(fields: readonly string[]): string;
  /**
   * The byte fast path: returns the bar of the row `bytes[start, end)` when the row is plain and
   * valid, else `undefined` (then the row is decoded and {@link RowParser.toBar} decides). When it
   * returns a bar, that bar equals what `toBar` returns for the row's fields, bit for bit.
   */
  readonly fromBytes?: (bytes: Buffer, start: number, end: number) => Bar | undefined;
}

/** The open-time window a reader keeps; rows outside it are still validated. */
export interface TimeRange {
  readonly from: EpochMs;
  readonly to: EpochMs;
}

/** Internal knobs of {@link streamBarBatches} (tests and benchmarks). */
export interface StreamBarOptions {
  /** Bytes read at a time by the byte reader; default 1 MB. */
  readonly chunkBytes?: number;
  /** `strings` reads through the string splitter and `toBar` only (the reference path); default `bytes`. */
  readonly reader?: 'bytes' | 'strings';
}

/**
 * Rows converted per yielded batch of a byte chunk (a 1 MB chunk holds ~16k rows). Small on
 * purpose: an array of ~16k bars is a large object in V8, promoted as soon as it survives one
 * young collection, and from then on it keeps its bars alive until they are promoted and marked
 * too. Measured on 1M rows: whole-chunk batches 430 ms of CPU, batches of 4096 rows 195 ms.
 */
const SLICE_ROWS = 4096;

/** Where the row check stands between batches; the previous row is kept as bytes or as fields. */
interface Cursor {
  parser: RowParser | undefined;
  prevTs: number;
  prevLine: number;
  prevRecord: readonly string[] | undefined;
  prevBytes: Buffer | undefined;
  prevStart: number;
  prevEnd: number;
}

function fieldsOf(bytes: Buffer, start: number, end: number): string[] {
  return bytes.toString('utf8', start, end).split(',');
}

function orderError(c: Cursor, parser: RowParser, record: readonly string[], line: number, path: string): RunnerError {
  const prev = c.prevRecord ?? (c.prevBytes === undefined ? [] : fieldsOf(c.prevBytes, c.prevStart, c.prevEnd));
  const text = `${parser.timeText(record)} is not after ${parser.timeText(prev)} (line ${c.prevLine})`;
  return rowError(path, line, `timestamps must increase: ${text}`);
}

/** Appends the batch's bars in range to `out`; throws the first bad row's error. */
function convertRecords(batch: CsvBatch, c: Cursor, parserFor: (header: readonly string[]) => RowParser, range: TimeRange, path: string, out: Bar[]): void {
  const { records, lines } = batch;
  let i = 0;
  if (c.parser === undefined) {
    c.parser = parserFor(records[0] ?? []);
    i = 1;
  }
  const parser = c.parser;
  for (; i < records.length; i += 1) {
    const record = records[i] ?? [];
    const line = lines[i] ?? 0;
    const bar = parser.toBar(record, line);
    if (bar.ts <= c.prevTs) throw orderError(c, parser, record, line, path);
    c.prevTs = bar.ts;
    c.prevRecord = record;
    c.prevLine = line;
    if (bar.ts >= range.from && bar.ts <= range.to) out.push(bar);
  }
}

/** {@link convertRecords} for lines `[begin, n)` of a batch of byte lines: each row tries the parser's byte fast path first. */
function convertLines(batch: LineBatch, begin: number, n: number, c: Cursor, parserFor: (header: readonly string[]) => RowParser, range: TimeRange, path: string, out: Bar[]): void {
  const { bytes, starts, ends, lines } = batch;
  let i = begin;
  if (c.parser === undefined) {
    c.parser = parserFor(fieldsOf(bytes, starts[i] ?? 0, ends[i] ?? 0));
    i += 1;
  }
  const parser = c.parser;
  const fast = parser.fromBytes;
  const { from, to } = range;
  const first = i;
  let prevTs = c.prevTs;
  for (; i < n; i += 1) {
    const start = starts[i] ?? 0;
    const end = ends[i] ?? 0;
    const bar = fast?.(bytes, start, end) ?? parser.toBar(fieldsOf(bytes, start, end), lines[i] ?? 0);
    if (bar.ts <= prevTs) break;
    prevTs = bar.ts;
    if (bar.ts >= from && bar.ts <= to) out.push(bar);
  }
  // The cursor moves once per batch, to the last good row (a row error ends the stream anyway).
  if (i > first) {
    const last = i - 1;
    c.prevTs = prevTs;
    c.prevLine = lines[last] ?? 0;
    c.prevRecord = undefined;
    c.prevBytes = bytes;
    c.prevStart = starts[last] ?? 0;
    c.prevEnd = ends[last] ?? 0;
  }
  if (i < n) throw orderError(c, parser, fieldsOf(bytes, starts[i] ?? 0, ends[i] ?? 0), lines[i] ?? 0, path);
}

function rawBatches(path: string, options: StreamBarOptions): AsyncIterable<RawCsvBatch> {
  return options.reader === 'strings' ? readCsvBatches(path) : readCsvLineBatches(path, options.chunkBytes === undefined ? {} : { chunkBytes: options.chunkBytes });
}

/**
 * Returns the bars of a CSV file in batches (a few thousand rows of a chunk read), streaming. `parserFor` sees the
 * header and returns the row parser (or throws `DATA_ERR_FORMAT`). Every row is validated,
 * including the strict increase of `ts`; bars whose `ts` lies in `range` (inclusive) are kept. The
 * good bars before a bad row are yielded before its error is thrown. Throws `DATA_ERR_EMPTY` when
 * the file has no header or no data rows. Plain rows are parsed straight from the file's bytes
 * (the row parser's `fromBytes`); any other row goes through `toBar`, with the same result.
 */
export async function* streamBarBatches(
  path: string,
  parserFor: (header: readonly string[]) => RowParser,
  range: TimeRange,
  options: StreamBarOptions = {},
): AsyncGenerator<readonly Bar[]> {
  const c: Cursor = {
    parser: undefined, prevTs: Number.NEGATIVE_INFINITY, prevLine: 0, prevRecord: undefined, prevBytes: undefined, prevStart: 0, prevEnd: 0,
  };
  for await (const batch of rawBatches(path, options)) {
    // A chunk of byte lines is converted a slice at a time; a csv-parse batch (≤ 4096 records) whole.
    const rows = isLineBatch(batch) ? batch.starts.length : 1;
    for (let begin = 0; begin < rows; begin += SLICE_ROWS) {
      const out: Bar[] = [];
      let failed = false;
      let failure: unknown;
      try {
        if (isLineBatch(batch)) convertLines(batch, begin, Math.min(rows, begin + SLICE_ROWS), c, parserFor, range, path, out);
        else convertRecords(batch, c, parserFor, range, path, out);
      } catch (error) {
        failed = true;
        failure = error;
      }
      if (out.length > 0) yield out;
      if (failed) throw failure;
    }
  }
  if (c.parser === undefined) throw new RunnerError(DataErrorCode.EMPTY, `${path}: the file is empty (no header)`);
  if (c.prevLine === 0) throw new RunnerError(DataErrorCode.EMPTY, `${path}: the file has a header but no data rows`);
}

/** Returns the bars of a CSV file one at a time: {@link streamBarBatches}, flattened. */
export async function* streamBars(
  path: string,
  parserFor: (header: readonly string[]) => RowParser,
  range: TimeRange,
  options: StreamBarOptions = {},
): AsyncGenerator<Bar> {
  for await (const batch of streamBarBatches(path, parserFor, range, options)) yield* batch;
}
