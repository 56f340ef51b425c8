import { RunnerError } from '../core/index.js';
import type { Bar, EpochMs } from '../core/index.js';
import { readCsvBatches, type CsvBatch } from './csv-batches.js';
import { DataErrorCode, rowError } from './row-error.js';

/** Turns the data rows of one CSV layout into bars. */
export interface RowParser {
  /** Returns the row as a bar, or throws `DATA_ERR_INVALID_ROW` naming `file:line`. */
  toBar(fields: readonly string[], line: number): Bar;
  /** Returns the row's time as written, for error messages. */
  timeText(fields: readonly string[]): string;
}

/** The open-time window a reader keeps; rows outside it are still validated. */
export interface TimeRange {
  readonly from: EpochMs;
  readonly to: EpochMs;
}

/** Where the row check stands between batches. */
interface Cursor {
  parser: RowParser | undefined;
  prevTs: number;
  prevRecord: readonly string[];
  prevLine: number;
}

/** Appends the batch's bars in range to `out`; throws the first bad row's error. */
function convert(batch: CsvBatch, c: Cursor, parserFor: (header: readonly string[]) => RowParser, range: TimeRange, path: string, out: Bar[]): void {
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
    if (bar.ts <= c.prevTs) {
      const text = `${parser.timeText(record)} is not after ${parser.timeText(c.prevRecord)} (line ${c.prevLine})`;
      throw rowError(path, line, `timestamps must increase: ${text}`);
    }
    c.prevTs = bar.ts;
    c.prevRecord = record;
    c.prevLine = line;
    if (bar.ts >= range.from && bar.ts <= range.to) out.push(bar);
  }
}

/**
 * Returns the bars of a CSV file in batches (one per chunk read), streaming. `parserFor` sees the
 * header and returns the row parser (or throws `DATA_ERR_FORMAT`). Every row is validated,
 * including the strict increase of `ts`; bars whose `ts` lies in `range` (inclusive) are kept. The
 * good bars before a bad row are yielded before its error is thrown. Throws `DATA_ERR_EMPTY` when
 * the file has no header or no data rows.
 */
export async function* streamBarBatches(
  path: string,
  parserFor: (header: readonly string[]) => RowParser,
  range: TimeRange,
): AsyncGenerator<readonly Bar[]> {
  const c: Cursor = { parser: undefined, prevTs: Number.NEGATIVE_INFINITY, prevRecord: [], prevLine: 0 };
  for await (const batch of readCsvBatches(path)) {
    const out: Bar[] = [];
    let failed = false;
    let failure: unknown;
    try {
      convert(batch, c, parserFor, range, path, out);
    } catch (error) {
      failed = true;
      failure = error;
    }
    if (out.length > 0) yield out;
    if (failed) throw failure;
  }
  if (c.parser === undefined) throw new RunnerError(DataErrorCode.EMPTY, `${path}: the file is empty (no header)`);
  if (c.prevLine === 0) throw new RunnerError(DataErrorCode.EMPTY, `${path}: the file has a header but no data rows`);
}

/** Returns the bars of a CSV file one at a time: {@link streamBarBatches}, flattened. */
export async function* streamBars(
  path: string,
  parserFor: (header: readonly string[]) => RowParser,
  range: TimeRange,
): AsyncGenerator<Bar> {
  for await (const batch of streamBarBatches(path, parserFor, range)) yield* batch;
}
