import { MinHeap, type Bar } from '../core/index.js';

async function closeAll(iterators: readonly AsyncIterator<Bar>[], done: readonly boolean[]): Promise<void> {
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
 * Returns the bars of all sources merged by close time (`tsEnd`), ties going to the source listed
 * first; each source's own order is kept. Deterministic, and holds one look-ahead bar per source.
 * Closes every source when the merge ends early or one source fails.
 */
export async function* mergeBars(sources: readonly AsyncIterable<Bar>[]): AsyncGenerator<Bar> {
  const iterators = sources.map((s) => s[Symbol.asyncIterator]());
  const heads: (Bar | undefined)[] = iterators.map(() => undefined);
  const done: boolean[] = iterators.map(() => false);
  const key = (i: number): number => heads[i]?.tsEnd ?? Number.POSITIVE_INFINITY;
  const heap = new MinHeap<number>((a, b) => key(a) < key(b) || (key(a) === key(b) && a < b));
  const advance = async (i: number): Promise<boolean> => {
    const next = await (iterators[i] as AsyncIterator<Bar>).next();
    done[i] = next.done === true;
    heads[i] = next.done === true ? undefined : next.value;
    return !done[i];
  };
  try {
    for (let i = 0; i < iterators.length; i += 1) {
      if (await advance(i)) heap.push(i);
    }
    for (let top = heap.peek(); top !== undefined; top = heap.peek()) {
      const bar = heads[top] as Bar;
      yield bar;
      if (await advance(top)) heap.siftTop();
      else heap.pop();
    }
  } finally {
    await closeAll(iterators, done);
  }
}
