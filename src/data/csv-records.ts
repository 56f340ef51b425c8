import { createReadStream } from 'node:fs';
import { CsvError, parse } from 'csv-parse';
import { RunnerError } from '../core/index.js';
import { DataErrorCode, rowError } from './row-error.js';

/** One parsed CSV record as csv-parse emits it with `info: true`; `info.lines` is its physical line. */
export interface CsvRecord {
  readonly record: readonly string[];
  readonly info: { readonly lines: number };
}

function isCsvRecord(item: unknown): item is CsvRecord {
  return typeof item === 'object' && item !== null && 'record' in item && Array.isArray(item.record);
}

/**
 * Returns the `RunnerError` a CSV read failure becomes: parse errors name `file:line`, a missing
 * file is `DATA_ERR_NOT_FOUND`, other I/O failures `DATA_ERR_READ`; anything else is returned as is.
 */
export function translateCsvError(path: string, error: unknown): unknown {
  if (error instanceof RunnerError) return error;
  if (error instanceof CsvError) {
    const line = typeof error['lines'] === 'number' ? error['lines'] : 0;
    return rowError(path, line, error.message);
  }
  if (error instanceof Error && 'code' in error) {
    if (error.code === 'ENOENT') {
      return new RunnerError(DataErrorCode.NOT_FOUND, `${path}: no such file`, { cause: error });
    }
    return new RunnerError(DataErrorCode.READ, `${path}: cannot read: ${error.message}`, { cause: error });
  }
  return error;
}

/**
 * Returns the file's CSV records one at a time through csv-parse, streaming (never the whole file
 * in memory). Blank lines are skipped; column counts are left for the caller to check so it can
 * word the error. Parse and I/O failures become `RunnerError`s naming the file (and line, for
 * parse errors). The hand-written splitter (`readCsvBatches`) falls back to this for quoted text.
 */
export async function* readCsvRecordsSlow(path: string): AsyncGenerator<CsvRecord> {
  const source = createReadStream(path);
  const parser = source.pipe(parse({ info: true, bom: true, relax_column_count: true, skip_empty_lines: true }));
  // pipe() does not forward source errors (e.g. ENOENT); without this the loop would never end.
  source.on('error', (error) => parser.destroy(error));
  try {
    for await (const item of parser as AsyncIterable<unknown>) {
      if (isCsvRecord(item)) yield item;
    }
  } catch (error) {
    throw translateCsvError(path, error);
  } finally {
    // An early return by the consumer destroys the parser but leaves the file open.
    source.destroy();
  }
}
