import type { Bar, EpochMs } from '../core/index.js';

/**
 * Consecutive bars of one source held as columns (a block of a cache file): a merge reads each
 * bar's close time without building it and builds the `Bar` only when it is emitted, so bars live
 * for one merged batch rather than for a source's whole batch. Valid until the source's iterator
 * is advanced (the reader reuses its buffers).
 */
export interface ColumnBatch {
  readonly length: number;
  /** Returns the close time of bar `i`. */
  tsEnd(i: number): EpochMs;
  /** Returns bar `i` as a new `Bar`. */
  bar(i: number): Bar;
}

/** A batch of bars either way a source may hand them out. */
export type AnyBarBatch = readonly Bar[] | ColumnBatch;

/** Returns whether `batch` is a {@link ColumnBatch}. */
export function isColumnBatch(batch: AnyBarBatch): batch is ColumnBatch {
  return !Array.isArray(batch);
}
