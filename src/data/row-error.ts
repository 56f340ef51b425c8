import { RunnerError } from '../core/index.js';

/** Error codes of the data readers. */
export const DataErrorCode = {
  NOT_FOUND: 'DATA_ERR_NOT_FOUND',
  READ: 'DATA_ERR_READ',
  EMPTY: 'DATA_ERR_EMPTY',
  FORMAT: 'DATA_ERR_FORMAT',
  INVALID_ROW: 'DATA_ERR_INVALID_ROW',
  INTERVAL: 'DATA_ERR_INTERVAL',
} as const;

/** Returns a `DATA_ERR_INVALID_ROW` error worded `<file>:<line>: <reason>`. */
export function rowError(file: string, line: number, reason: string): RunnerError {
  return new RunnerError(DataErrorCode.INVALID_ROW, `${file}:${line}: ${reason}`);
}
