import { open, type FileHandle } from 'node:fs/promises';
import { RunnerError } from '../../core/index.js';
import type { Bar, Symbol } from '../../core/index.js';
import type { TimeRange } from '../stream-bars.js';
import { DataErrorCode } from '../row-error.js';
import { blockBuffer, blockCount, readBlock, type CacheBlock } from './cache-block.js';
import type { CacheHeader } from './cache-header.js';
import { cacheBar } from './cache-bar.js';

/** What a cache stream reads. */
export interface CacheStreamPlan {
  readonly path: string;
  readonly symbol: Symbol;
  readonly header: CacheHeader;
  readonly range: TimeRange;
  readonly startBlock: number;
}

const DONE: IteratorReturnResult<undefined> = { done: true, value: undefined };

/**
 * Bars built per batch. Small on purpose: a batch's bars then die young (a cheap scavenge) instead
 * of surviving long enough to be promoted, which made the old space grow by hundreds of MB on
 * merged runs; one resolved promise per batch is the price.
 */
const BATCH_BARS = 256;

/**
 * Streams a cache file's bars a small batch at a time, reading the next block while the current
 * one is consumed (two block buffers in all, whatever the file's size). The bars are copied out
 * of the buffer, so a batch stays valid after the next read.
 */
export class CacheBatchIterator implements AsyncIterator<readonly Bar[]> {
  private handle: FileHandle | undefined;
  private nextBlock: number;
  private pending: Promise<CacheBlock> | undefined;
  private readonly buffers: ArrayBuffer[];
  private flip = 0;
  private finished = false;
  /** The block being handed out and the next row of it. */
  private block: CacheBlock | undefined;
  private row = 0;

  constructor(private readonly plan: CacheStreamPlan) {
    this.nextBlock = plan.startBlock;
    this.buffers = [blockBuffer(plan.header), blockBuffer(plan.header)];
  }

  /** Returns the next non-empty batch of bars in range, or done after the last. */
  next(): Promise<IteratorResult<readonly Bar[]>> {
    const bars = this.take();
    return bars === undefined ? this.advance() : Promise.resolve({ done: false, value: bars });
  }

  /** Returns up to {@link BATCH_BARS} in-range bars of the current block, or `undefined` when it has none left. */
  private take(): Bar[] | undefined {
    const b = this.block;
    if (b === undefined) return undefined;
    const { from, to } = this.plan.range;
    const bars: Bar[] = [];
    let i = this.row;
    for (; i < b.rows && bars.length < BATCH_BARS; i += 1) {
      const ts = b.ts[i] ?? 0;
      if (ts < from) continue;
      if (ts > to) {
        // Past the range: nothing after this can be in it.
        this.block = undefined;
        this.finished = true;
        void this.return();
        return bars.length > 0 ? bars : undefined;
      }
      bars.push(cacheBar(b, i, this.plan.symbol));
    }
    this.row = i;
    if (i >= b.rows) this.block = undefined;
    return bars.length > 0 ? bars : this.take();
  }

  private async advance(): Promise<IteratorResult<readonly Bar[]>> {
    while (!this.finished) {
      const block = await this.read();
      if (block === undefined) return this.return();
      this.block = block;
      this.row = 0;
      const bars = this.take();
      if (bars !== undefined) return { done: false, value: bars };
    }
    return DONE;
  }

  /** Stops early and closes the file. */
  async return(): Promise<IteratorResult<readonly Bar[]>> {
    this.finished = true;
    this.block = undefined;
    const pending = this.pending;
    this.pending = undefined;
    // The prefetch may still be in flight; its outcome no longer matters but must not go unhandled.
    await pending?.catch(() => undefined);
    const handle = this.handle;
    this.handle = undefined;
    await handle?.close();
    return DONE;
  }

  private request(handle: FileHandle): Promise<CacheBlock> | undefined {
    if (this.nextBlock >= blockCount(this.plan.header)) return undefined;
    const buffer = this.buffers[this.flip] ?? new ArrayBuffer(0);
    this.flip ^= 1;
    const block = readBlock(handle, this.plan.header, this.nextBlock, buffer, this.plan.path);
    this.nextBlock += 1;
    block.catch(() => undefined);
    return block;
  }

  /** Returns the next block (and starts reading the one after), or `undefined` after the last. */
  private async read(): Promise<CacheBlock | undefined> {
    try {
      if (this.handle === undefined) {
        this.handle = await open(this.plan.path, 'r');
        this.pending = this.request(this.handle);
      }
      const pending = this.pending;
      if (pending === undefined) return undefined;
      const block = await pending;
      // The buffer being filled next is the other one, so `block` stays intact until copied out.
      this.pending = this.request(this.handle);
      return block;
    } catch (error) {
      await this.return();
      throw error instanceof RunnerError
        ? error
        : new RunnerError(DataErrorCode.READ, `${this.plan.path}: cannot read: ${String(error)}`, { cause: error });
    }
  }
}
