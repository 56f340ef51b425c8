import { RunnerError } from '../core/index.js';
import type { Bar, EpochMs } from '../core/index.js';
import { readCsvRecords } from './csv-records.js';
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

/**
 * Returns the bars of a CSV file, streaming. `parserFor` sees the header and returns the row
 * parser (or throws `DATA_ERR_FORMAT`). Every row is validated, including the strict increase of
 * `ts`; bars whose `ts` lies in `range` (inclusive) are yielded. Throws `DATA_ERR_EMPTY` when the
 * file has no header or no data rows.
 */
export async function* streamBars(
  path: string,
  parserFor: (header: readonly string[]) => RowParser,
  range: TimeRange,
): AsyncGenerator<Bar> {
  let parser: RowParser | undefined;
  let prevTs = Number.NEGATIVE_INFINITY;
  let prevText = '';
  let prevLine = 0;
  for await (const { record, info } of readCsvRecords(path)) {
    if (parser === undefined) {
      parser = parserFor(record);
      continue;
    }
    const line = info.lines;
    const bar = parser.toBar(record, line);
    const text = parser.timeText(record);
    if (bar.ts <= prevTs) {
      throw rowError(path, line, `timestamps must increase: ${text} is not after ${prevText} (line ${prevLine})`);
    }
    prevTs = bar.ts;
    prevText = text;
    prevLine = line;
    if (bar.ts >= range.from && bar.ts <= range.to) yield bar;
  }
  if (parser === undefined) throw new RunnerError(DataErrorCode.EMPTY, `${path}: the file is empty (no header)`);
  if (prevLine === 0) throw new RunnerError(DataErrorCode.EMPTY, `${path}: the file has a header but no data rows`);
}
