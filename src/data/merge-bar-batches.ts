import { KeyedIndexHeap, type Bar } from '../core/index.js';
import { isColumnBatch, type AnyBarBatch, type ColumnBatch } from './column-batch.js';

/**
 * Bars per merged batch (and per piece of a lone column source): enough to amortise the await,
 * few enough that the bars die young instead of being promoted to the old space.
 */
const MERGED_BATCH = 512;

/** An array batch seen through the {@link ColumnBatch} interface. */
class ArrayBatch implements ColumnBatch {
  constructor(private readonly bars: readonly Bar[]) {}

  get length(): number {
    return this.bars.length;
  }

  tsEnd(i: number): number {
    return (this.bars[i] as Bar).tsEnd;
  }

  bar(i: number): Bar {
    return this.bars[i] as Bar;
  }
}

const EMPTY: ColumnBatch = new ArrayBatch([]);

async function closeAll(iterators: readonly AsyncIterator<AnyBarBatch>[], done: readonly boolean[]): Promise<void> {
  for (let i = 0; i < iterators.length; i += 1) {
    if (done[i] === true) continue;
    try {
      await iterators[i]?.return?.();
    } catch {
      // Cleanup runs while another outcome (an error or the consumer's early exit) is already under
      // way; a failure to close must not replace it.
    }
  }
}

/** Passes a lone source through: arrays as they are, column batches built into bars a piece at a time. */
async function* single(source: AsyncIterable<AnyBarBatch>): AsyncGenerator<readonly Bar[]> {
  for await (const batch of source) {
    if (!isColumnBatch(batch)) {
      yield batch;
      continue;
    }
    for (let from = 0; from < batch.length; from += MERGED_BATCH) {
      const out: Bar[] = [];
      const to = Math.min(batch.length, from + MERGED_BATCH);
      for (let i = from; i < to; i += 1) out.push(batch.bar(i));
      yield out;
    }
  }
}

/**
 * Returns the bars of all batched sources merged by close time (`tsEnd`), in batches; ties go to
 * the source listed first and each source's own order is kept: the same sequence as `mergeBars`,
 * with one await per source batch instead of one per bar. Sources may hand out arrays or column
 * batches; a column batch's bars are built only as they are merged, so they live for one merged
 * batch. Closes every source when the merge ends early or one source fails.
 */
export async function* mergeBarBatches(sources: readonly AsyncIterable<AnyBarBatch>[]): AsyncGenerator<readonly Bar[]> {
  const only = sources[0];
  if (sources.length === 1 && only !== undefined) {
    yield* single(only);
    return;
  }
  const iterators = sources.map((s) => s[Symbol.asyncIterator]());
  const batches: ColumnBatch[] = iterators.map(() => EMPTY);
  const rows: number[] = iterators.map(() => 0);
  const done: boolean[] = iterators.map(() => false);
  // Index = source, key = close time of its next bar; ties go to the source listed first.
  const heap = new KeyedIndexHeap(iterators.length);
  const refill = async (i: number): Promise<boolean> => {
    for (;;) {
      const next = await (iterators[i] as AsyncIterator<AnyBarBatch>).next();
      if (next.done === true) {
        done[i] = true;
        batches[i] = EMPTY;
        return false;
      }
      if (next.value.length > 0) {
        batches[i] = isColumnBatch(next.value) ? next.value : new ArrayBatch(next.value);
        rows[i] = 0;
        return true;
      }
    }
  };
  try {
    for (let i = 0; i < iterators.length; i += 1) {
      if (await refill(i)) heap.push(i, (batches[i] as ColumnBatch).tsEnd(0));
    }
    let out: Bar[] = [];
    for (let top = heap.peek(); top >= 0; top = heap.peek()) {
      const batch = batches[top] as ColumnBatch;
      const row = rows[top] as number;
      // Built now, before the source can be advanced past this batch (a column batch's buffer is reused).
      out.push(batch.bar(row));
      if (row + 1 < batch.length) {
        rows[top] = row + 1;
        heap.updateTop(batch.tsEnd(row + 1));
      } else if (await refill(top)) heap.updateTop((batches[top] as ColumnBatch).tsEnd(0));
      else heap.pop();
      if (out.length === MERGED_BATCH) {
        yield out;
        out = [];
      }
    }
    if (out.length > 0) yield out;
  } finally {
    await closeAll(iterators, done);
  }
}
