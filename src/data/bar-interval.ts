import { RunnerError } from '../core/index.js';
import type { Symbol } from '../core/index.js';
import { genericRowParser } from './generic-row-parser.js';
import { DataErrorCode } from './row-error.js';
import { streamBars } from './stream-bars.js';

/**
 * Returns the bar length of a generic file as the gap between its first two rows' timestamps
 * (both rows fully validated). Throws `DATA_ERR_INTERVAL` when the file has a single row.
 */
export async function inferIntervalMs(path: string, symbol: Symbol): Promise<number> {
  const all = { from: Number.NEGATIVE_INFINITY, to: Number.POSITIVE_INFINITY };
  let first: number | undefined;
  for await (const bar of streamBars(path, (h) => genericRowParser(h, { path, symbol, intervalMs: 0 }), all)) {
    if (first !== undefined) return bar.ts - first;
    first = bar.ts;
  }
  throw new RunnerError(
    DataErrorCode.INTERVAL,
    `${path}: cannot infer the bar interval from a single row; set intervalMs`,
  );
}
