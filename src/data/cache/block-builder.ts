import type { Bar } from '../../core/index.js';
import { blockView, type CacheBlock } from './cache-block.js';
import { blockBytes } from './cache-layout.js';

/** Collects bars into one block's columns; the writer drains it every `capacity` bars. */
export class BlockBuilder {
  private readonly full: CacheBlock;
  private rows = 0;

  constructor(readonly capacity: number) {
    this.full = blockView(new ArrayBuffer(blockBytes(capacity)), capacity, 0);
  }

  /** Returns how many bars are waiting. */
  get size(): number {
    return this.rows;
  }

  /** Adds a bar; `span` is its `tsEnd - ts`, already checked by the caller. */
  add(bar: Bar, span: number): void {
    const b = this.full;
    const i = this.rows;
    b.ts[i] = bar.ts;
    b.open[i] = bar.open;
    b.high[i] = bar.high;
    b.low[i] = bar.low;
    b.close[i] = bar.close;
    b.volume[i] = bar.volume;
    b.span[i] = span;
    this.rows = i + 1;
  }

  /** Returns the waiting bars in on-disk block layout and empties the builder. */
  take(): Uint8Array {
    const n = this.rows;
    this.rows = 0;
    if (n === this.capacity) return this.full.bytes;
    // A short (last) block is laid out with a stride of its own length, so the columns are copied.
    const out = blockView(new ArrayBuffer(blockBytes(n)), n, 0);
    const f = this.full;
    out.ts.set(f.ts.subarray(0, n));
    out.open.set(f.open.subarray(0, n));
    out.high.set(f.high.subarray(0, n));
    out.low.set(f.low.subarray(0, n));
    out.close.set(f.close.subarray(0, n));
    out.volume.set(f.volume.subarray(0, n));
    out.span.set(f.span.subarray(0, n));
    return out.bytes;
  }
}
