import { RunnerError } from '../core/index.js';
import type { BarFormat } from './bar-source.js';
import { genericColumns, headerFormatError, isYahooHeader } from './bar-headers.js';
import { readCsvBatches } from './csv-batches.js';
import { DataErrorCode } from './row-error.js';

/**
 * Returns the file's format judged by its header line alone (the rest is not used).
 * Throws `DATA_ERR_FORMAT` naming the file, the header seen and the headers accepted;
 * `DATA_ERR_EMPTY` for an empty file; `DATA_ERR_NOT_FOUND` for a missing one.
 */
export async function detectBarFormat(path: string): Promise<BarFormat> {
  for await (const { records } of readCsvBatches(path)) {
    const record = records[0];
    if (record === undefined) continue;
    if (isYahooHeader(record)) return 'yahoo';
    if (genericColumns(record) !== undefined) return 'generic';
    throw headerFormatError(path, record);
  }
  throw new RunnerError(DataErrorCode.EMPTY, `${path}: the file is empty (no header)`);
}
