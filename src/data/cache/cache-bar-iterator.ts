import type { Bar } from '../../core/index.js';
import { CacheBatchIterator, type CacheStreamPlan } from './cache-batch-iterator.js';

export type { CacheStreamPlan } from './cache-batch-iterator.js';

const DONE: IteratorReturnResult<undefined> = { done: true, value: undefined };

/**
 * Streams a cache file's bars one at a time over {@link CacheBatchIterator}. A hand-written
 * iterator rather than an async generator: a bar already in memory costs one resolved promise,
 * not a generator hop. Consumers that can take arrays should use the batches directly.
 */
export class CacheBarIterator implements AsyncIterator<Bar> {
  private readonly blocks: CacheBatchIterator;
  private batch: readonly Bar[] = [];
  private row = 0;

  constructor(plan: CacheStreamPlan) {
    this.blocks = new CacheBatchIterator(plan);
  }

  /** Returns the next bar in range, or done after the last. */
  next(): Promise<IteratorResult<Bar>> {
    const bar = this.batch[this.row];
    if (bar !== undefined) {
      this.row += 1;
      return Promise.resolve({ done: false, value: bar });
    }
    return this.advance();
  }

  /** Stops early and closes the file. */
  async return(): Promise<IteratorResult<Bar>> {
    this.batch = [];
    await this.blocks.return();
    return DONE;
  }

  private async advance(): Promise<IteratorResult<Bar>> {
    const next = await this.blocks.next();
    if (next.done === true) return DONE;
    this.batch = next.value;
    this.row = 0;
    return this.next();
  }
}
