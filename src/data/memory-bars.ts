import type { Bar, EpochMs, Symbol } from '../core/index.js';
import type { BarSource, BarSourceSummary } from './bar-source.js';
import type { ColumnBatch } from './column-batch.js';

/** Rows per block of a {@link MemoryBars}. */
const BLOCK_ROWS = 8192;
/** Bars per array batch handed out by `batches()`. */
const BATCH_BARS = 256;

/** One block of bars as columns. */
class Block implements ColumnBatch {
  readonly ts = new Float64Array(BLOCK_ROWS);
  readonly end = new Float64Array(BLOCK_ROWS);
  readonly open = new Float64Array(BLOCK_ROWS);
  readonly high = new Float64Array(BLOCK_ROWS);
  readonly low = new Float64Array(BLOCK_ROWS);
  readonly close = new Float64Array(BLOCK_ROWS);
  readonly volume = new Float64Array(BLOCK_ROWS);
  length = 0;

  constructor(private readonly symbol: Symbol) {}

  tsEnd(i: number): EpochMs {
    return this.end[i] as number;
  }

  bar(i: number): Bar {
    // Same property order as every other reader's bars (one object shape).
    return {
      kind: 'bar', symbol: this.symbol, ts: this.ts[i] as number, tsEnd: this.end[i] as number,
      open: this.open[i] as number, high: this.high[i] as number, low: this.low[i] as number, close: this.close[i] as number,
      volume: this.volume[i] as number,
    };
  }
}

/**
 * Validated bars of one source kept in memory as column blocks (56 bytes a bar), so a CSV read
 * once for validation is not parsed again for trading. Blocks are immutable once handed out.
 */
export class MemoryBars {
  private readonly blocks: Block[] = [];
  private count = 0;

  constructor(private readonly symbol: Symbol) {}

  /** Returns how many bars are held. */
  get length(): number {
    return this.count;
  }

  /** Appends a bar (bars arrive in time order, already validated). */
  push(bar: Bar): void {
    let block = this.blocks[this.blocks.length - 1];
    if (block === undefined || block.length === BLOCK_ROWS) {
      block = new Block(this.symbol);
      this.blocks.push(block);
    }
    const i = block.length;
    block.ts[i] = bar.ts;
    block.end[i] = bar.tsEnd;
    block.open[i] = bar.open;
    block.high[i] = bar.high;
    block.low[i] = bar.low;
    block.close[i] = bar.close;
    block.volume[i] = bar.volume;
    block.length = i + 1;
    this.count += 1;
  }

  /** Returns a source over the held bars (re-readable, with `columns()`), named like `base`. */
  source(base: BarSource, summary: BarSourceSummary): BarSource {
    const blocks = this.blocks;
    async function* columns(): AsyncGenerator<ColumnBatch> {
      yield* blocks;
    }
    async function* batches(): AsyncGenerator<readonly Bar[]> {
      for (const block of blocks) {
        for (let from = 0; from < block.length; from += BATCH_BARS) {
          const out: Bar[] = [];
          for (let i = from; i < Math.min(block.length, from + BATCH_BARS); i += 1) out.push(block.bar(i));
          yield out;
        }
      }
    }
    async function* bars(): AsyncGenerator<Bar> {
      for await (const batch of batches()) yield* batch;
    }
    return { path: base.path, symbol: base.symbol, bars, batches, columns, summary: () => Promise.resolve(summary) };
  }
}
