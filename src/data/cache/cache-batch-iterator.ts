import type { Bar } from '../../core/index.js';
import type { ColumnBatch } from '../column-batch.js';
import { CacheColumnIterator } from './cache-column-iterator.js';
import type { CacheStreamPlan } from './cache-stream-plan.js';

export type { CacheStreamPlan } from './cache-stream-plan.js';

/**
 * Bars built per batch. Small on purpose: a batch's bars then die young (a cheap scavenge) instead
 * of surviving long enough to be promoted, which made the old space grow by hundreds of MB on
 * merged runs; one resolved promise per batch is the price.
 */
export const BATCH_BARS = 256;

/**
 * Streams a cache file's bars a small batch at a time (built from its column blocks as they are
 * handed out). The bars are copied out of the buffers, so a batch stays valid after the next read.
 */
export class CacheBatchIterator implements AsyncIterator<readonly Bar[]> {
  private readonly columns: CacheColumnIterator;
  private batch: ColumnBatch | undefined;
  private row = 0;

  constructor(plan: CacheStreamPlan) {
    this.columns = new CacheColumnIterator(plan);
  }

  /** Returns the next batch of bars in range, or done after the last. */
  next(): Promise<IteratorResult<readonly Bar[]>> {
    const b = this.batch;
    if (b === undefined || this.row >= b.length) return this.advance();
    const from = this.row;
    this.row = Math.min(b.length, from + BATCH_BARS);
    return Promise.resolve({ done: false, value: takeBars(b, from, this.row) });
  }

  /** Stops early and closes the file. */
  async return(): Promise<IteratorResult<readonly Bar[]>> {
    this.batch = undefined;
    await this.columns.return();
    return { done: true, value: undefined };
  }

  private async advance(): Promise<IteratorResult<readonly Bar[]>> {
    const next = await this.columns.next();
    if (next.done === true) {
      this.batch = undefined;
      return next;
    }
    this.batch = next.value;
    this.row = 0;
    return this.next();
  }
}

/** Returns bars `[from, to)` of a column batch as objects. */
export function takeBars(b: ColumnBatch, from: number, to: number): Bar[] {
  const bars: Bar[] = [];
  for (let i = from; i < to; i += 1) bars.push(b.bar(i));
  return bars;
}
