import type { Bar } from '../../core/index.js';

/** Where a {@link BarReader} stands: a bar is ready, the source is exhausted, or a read is in flight. */
export type ReaderHead = { readonly kind: 'bar'; readonly bar: Bar } | { readonly kind: 'end' } | { readonly kind: 'pending' };

const END: ReaderHead = { kind: 'end' };
const PENDING: ReaderHead = { kind: 'pending' };

/**
 * Reads bars from a sync or async iterable with one-bar peeking. A sync source is read on demand
 * (so a virtual-clock run stays synchronous); an async one is read ahead into a small buffer in
 * the background, so file I/O overlaps the pacing.
 */
export class BarReader {
  private readonly buffer: Bar[] = [];
  private readonly sync: Iterator<Bar> | undefined;
  private readonly async: AsyncIterator<Bar> | undefined;
  private ended = false;
  private failure: { readonly error: unknown } | undefined;
  private inflight: Promise<void> | undefined;

  constructor(
    source: Iterable<Bar> | AsyncIterable<Bar>,
    private readonly lookahead = 16,
  ) {
    if (Symbol.asyncIterator in source) this.async = source[Symbol.asyncIterator]();
    else this.sync = source[Symbol.iterator]();
  }

  /** Returns the next bar without taking it; throws the source's error once the buffer is drained. */
  peek(): ReaderHead {
    const head = this.buffer[0];
    if (head !== undefined) {
      this.fill();
      return { kind: 'bar', bar: head };
    }
    if (this.failure !== undefined) throw this.failure.error;
    if (this.ended) return END;
    if (this.sync !== undefined) return this.pullSync();
    this.fill();
    return this.buffer[0] === undefined ? PENDING : { kind: 'bar', bar: this.buffer[0] };
  }

  /** Removes the bar {@link peek} returned. */
  take(): void {
    this.buffer.shift();
  }

  /** Resolves when the read in flight (if any) has settled; never rejects (peek reports failures). */
  ready(): Promise<void> {
    return this.inflight ?? Promise.resolve();
  }

  /** Stops reading and lets the source release its resources (closes files). */
  async close(): Promise<void> {
    this.ended = true;
    this.buffer.length = 0;
    await this.inflight;
    if (this.async !== undefined) await this.async.return?.();
    else this.sync?.return?.();
  }

  private pullSync(): ReaderHead {
    const next = (this.sync as Iterator<Bar>).next();
    if (next.done === true) {
      this.ended = true;
      return END;
    }
    this.buffer.push(next.value);
    return { kind: 'bar', bar: next.value };
  }

  private fill(): void {
    const source = this.async;
    if (source === undefined || this.inflight !== undefined || this.ended || this.failure !== undefined) return;
    if (this.buffer.length >= this.lookahead) return;
    this.inflight = (async () => {
      try {
        while (!this.ended && this.buffer.length < this.lookahead) {
          const next = await source.next();
          if (next.done === true) this.ended = true;
          else if (!this.ended) this.buffer.push(next.value);
        }
      } catch (error) {
        this.failure = { error };
      } finally {
        this.inflight = undefined;
      }
    })();
  }
}
