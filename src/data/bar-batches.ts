import type { Bar } from '../core/index.js';
import type { BarSource } from './bar-source.js';

const GROUP = 4096;

async function* grouped(bars: AsyncIterable<Bar>): AsyncGenerator<readonly Bar[]> {
  let out: Bar[] = [];
  for await (const bar of bars) {
    out.push(bar);
    if (out.length === GROUP) {
      yield out;
      out = [];
    }
  }
  if (out.length > 0) yield out;
}

/**
 * Returns a fresh stream of the source's bars in batches: its own `batches()` when it has one
 * (the CSV and cache readers do), else its `bars()` grouped a few thousand at a time.
 */
export function barBatches(source: BarSource): AsyncIterable<readonly Bar[]> {
  return source.batches !== undefined ? source.batches() : grouped(source.bars());
}
