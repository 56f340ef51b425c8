import { KeyedIndexHeap, type Bar } from '../core/index.js';

const EMPTY: readonly Bar[] = [];
/** Bars per merged batch: enough to amortise the await, few enough that the bars die young (no promotion to the old space). */
const MERGED_BATCH = 512;

async function closeAll(iterators: readonly AsyncIterator<readonly Bar[]>[], done: readonly boolean[]): Promise<void> {
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

/**
 * Returns the bars of all batched sources merged by close time (`tsEnd`), in batches; ties go to
 * the source listed first and each source's own order is kept: the same sequence as `mergeBars`,
 * with one await per source batch instead of one per bar. A single source passes through as is.
 * Closes every source when the merge ends early or one source fails.
 */
export async function* mergeBarBatches(sources: readonly AsyncIterable<readonly Bar[]>[]): AsyncGenerator<readonly Bar[]> {
  const only = sources[0];
  if (sources.length === 1 && only !== undefined) {
    yield* only;
    return;
  }
  const iterators = sources.map((s) => s[Symbol.asyncIterator]());
  const batches: (readonly Bar[])[] = iterators.map(() => EMPTY);
  const rows: number[] = iterators.map(() => 0);
  const done: boolean[] = iterators.map(() => false);
  // Index = source, key = close time of its next bar; ties go to the source listed first.
  const heap = new KeyedIndexHeap(iterators.length);
  const refill = async (i: number): Promise<boolean> => {
    for (;;) {
      const next = await (iterators[i] as AsyncIterator<readonly Bar[]>).next();
      if (next.done === true) {
        done[i] = true;
        batches[i] = EMPTY;
        return false;
      }
      if (next.value.length > 0) {
        batches[i] = next.value;
        rows[i] = 0;
        return true;
      }
    }
  };
  try {
    for (let i = 0; i < iterators.length; i += 1) {
      if (await refill(i)) heap.push(i, (batches[i] as readonly Bar[])[0]?.tsEnd ?? 0);
    }
    let out: Bar[] = [];
    for (let top = heap.peek(); top >= 0; top = heap.peek()) {
      const batch = batches[top] as readonly Bar[];
      const row = rows[top] as number;
      out.push(batch[row] as Bar);
      if (row + 1 < batch.length) {
        rows[top] = row + 1;
        heap.updateTop((batch[row + 1] as Bar).tsEnd);
      } else if (await refill(top)) heap.updateTop((batches[top] as readonly Bar[])[0]?.tsEnd ?? 0);
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
