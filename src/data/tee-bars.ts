import type { Bar } from '../core/index.js';
import type { BarSourceSummary } from './bar-source.js';

const DONE: IteratorReturnResult<undefined> = { done: true, value: undefined };

/**
 * Streams bars one at a time out of a stream of batches while counting them, so one pass can
 * both feed a consumer (the cache writer) and yield the source's summary. A hand-written
 * iterator: a bar already in memory costs one resolved promise, not a generator hop.
 */
export class TeeBars implements AsyncIterator<Bar> {
  private batch: readonly Bar[] = [];
  private row = 0;
  private count = 0;
  private first: Bar | undefined;
  private last: Bar | undefined;

  constructor(private readonly batches: AsyncIterator<readonly Bar[]>) {}

  /** Reads up to the first bar; returns false when the stream ends without one. */
  async ready(): Promise<boolean> {
    while (this.row >= this.batch.length) {
      if (!(await this.advance())) return false;
    }
    return true;
  }

  /** Returns the next bar, or done after the last. */
  next(): Promise<IteratorResult<Bar>> {
    const bar = this.batch[this.row];
    if (bar !== undefined) {
      this.row += 1;
      return Promise.resolve({ done: false, value: bar });
    }
    return this.advance().then((more) => (more ? this.next() : DONE));
  }

  /** Stops early and ends the underlying stream (closing its file). */
  async return(): Promise<IteratorResult<Bar>> {
    this.batch = [];
    await this.batches.return?.();
    return DONE;
  }

  /** Returns the count, first and last bar of every batch read so far. */
  summary(): BarSourceSummary {
    return this.first === undefined || this.last === undefined ? { bars: 0 } : { bars: this.count, first: this.first, last: this.last };
  }

  private async advance(): Promise<boolean> {
    const next = await this.batches.next();
    if (next.done === true) return false;
    const batch = next.value;
    this.batch = batch;
    this.row = 0;
    if (batch.length > 0) {
      this.first ??= batch[0];
      this.last = batch[batch.length - 1];
      this.count += batch.length;
    }
    return true;
  }
}
