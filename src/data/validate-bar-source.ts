import type { Bar } from '../core/index.js';
import { barBatches } from './bar-batches.js';
import type { BarSource, BarSourceSummary } from './bar-source.js';

export type { BarSourceSummary } from './bar-source.js';

/**
 * Returns the count, first and last bar after streaming the whole source once, which validates
 * every row; throws the first row error (`DATA_ERR_INVALID_ROW` naming `file:line`). A source that
 * was validated when written (a binary cache, checksum-verified on open) returns its summary as is.
 * `onBatch` sees every batch of validated bars as the pass goes (to keep them, for instance).
 */
export async function validateBarSource(source: BarSource, onBatch?: (bars: readonly Bar[]) => void): Promise<BarSourceSummary> {
  if (source.summary !== undefined) return source.summary();
  let count = 0;
  let first: Bar | undefined;
  let last: Bar | undefined;
  for await (const batch of barBatches(source)) {
    if (batch.length === 0) continue;
    first ??= batch[0];
    last = batch[batch.length - 1];
    count += batch.length;
    onBatch?.(batch);
  }
  return first === undefined || last === undefined ? { bars: 0 } : { bars: count, first, last };
}
