import { RunnerError } from '../core/index.js';
import type { BarFormat } from './bar-source.js';
import { genericColumns, headerFormatError, isYahooHeader } from './bar-headers.js';
import { readCsvRecords } from './csv-records.js';
import { DataErrorCode } from './row-error.js';

/**
 * Returns the file's format judged by its header line alone (the rest is not read).
 * Throws `DATA_ERR_FORMAT` naming the file, the header seen and the headers accepted;
 * `DATA_ERR_EMPTY` for an empty file; `DATA_ERR_NOT_FOUND` for a missing one.
 */
export async function detectBarFormat(path: string): Promise<BarFormat> {
  for await (const { record } of readCsvRecords(path)) {
    if (isYahooHeader(record)) return 'yahoo';
    if (genericColumns(record) !== undefined) return 'generic';
    throw headerFormatError(path, record);
  }
  throw new RunnerError(DataErrorCode.EMPTY, `${path}: the file is empty (no header)`);
}
