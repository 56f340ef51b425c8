import type { Bar, EpochMs, Symbol } from '../../core/index.js';
import type { ColumnBatch } from '../column-batch.js';
import { cacheBar } from './cache-bar.js';
import type { CacheBlock } from './cache-block.js';
import { CacheBlockReader } from './cache-block-reader.js';
import type { CacheStreamPlan } from './cache-stream-plan.js';

const DONE: IteratorReturnResult<undefined> = { done: true, value: undefined };

/** The in-range rows `[start, start + length)` of one block, as a {@link ColumnBatch}. */
class CacheColumnBatch implements ColumnBatch {
  constructor(private readonly block: CacheBlock, private readonly start: number, readonly length: number, private readonly symbol: Symbol) {}

  tsEnd(i: number): EpochMs {
    const row = this.start + i;
    return (this.block.ts[row] ?? 0) + (this.block.span[row] ?? 0);
  }

  bar(i: number): Bar {
    return cacheBar(this.block, this.start + i, this.symbol);
  }
}

/**
 * Streams a cache file's in-range bars one block at a time as {@link ColumnBatch}es: no `Bar` is
 * built until the consumer asks for it. A batch is valid until `next()` is called again.
 */
export class CacheColumnIterator implements AsyncIterator<ColumnBatch> {
  private readonly reader: CacheBlockReader;
  private finished = false;

  constructor(private readonly plan: CacheStreamPlan) {
    this.reader = new CacheBlockReader(plan);
  }

  /** Returns the next non-empty batch of in-range bars, or done after the last. */
  async next(): Promise<IteratorResult<ColumnBatch>> {
    const { from, to } = this.plan.range;
    while (!this.finished) {
      const block = await this.reader.next();
      if (block === undefined) return this.return();
      const ts = block.ts;
      let start = 0;
      while (start < block.rows && (ts[start] ?? 0) < from) start += 1;
      let end = start;
      while (end < block.rows && (ts[end] ?? 0) <= to) end += 1;
      // A bar past the range end: nothing after it can be in range (bars are in time order).
      if (end < block.rows) this.finished = true;
      if (end > start) return { done: false, value: new CacheColumnBatch(block, start, end - start, this.plan.symbol) };
    }
    return this.return();
  }

  /** Stops early and closes the file. */
  async return(): Promise<IteratorResult<ColumnBatch>> {
    this.finished = true;
    await this.reader.close();
    return DONE;
  }
}
