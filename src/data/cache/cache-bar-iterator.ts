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
 * Streams a cache file's bars block by block, reading the next block while the current one is
 * consumed (two block buffers in all, whatever the file's size). A hand-written iterator rather
 * than an async generator: a bar already in memory costs one resolved promise, not a generator hop.
 */
export class CacheBarIterator implements AsyncIterator<Bar> {
  private handle: FileHandle | undefined;
  private block: CacheBlock | undefined;
  private row = 0;
  private nextBlock: number;
  private pending: Promise<CacheBlock> | undefined;
  private readonly buffers: ArrayBuffer[];
  private flip = 0;
  private finished = false;

  constructor(private readonly plan: CacheStreamPlan) {
    this.nextBlock = plan.startBlock;
    this.buffers = [blockBuffer(plan.header), blockBuffer(plan.header)];
  }

  /** Returns the next bar in range, or done after the last. */
  next(): Promise<IteratorResult<Bar>> {
    const b = this.block;
    if (b !== undefined) {
      const { from, to } = this.plan.range;
      while (this.row < b.rows) {
        const i = this.row;
        this.row = i + 1;
        const ts = b.ts[i] ?? 0;
        if (ts < from) continue;
        if (ts > to) return this.return();
        return Promise.resolve({ done: false, value: cacheBar(b, i, this.plan.symbol) });
      }
    }
    return this.advance();
  }

  /** Stops early and closes the file. */
  async return(): Promise<IteratorResult<Bar>> {
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

  private async advance(): Promise<IteratorResult<Bar>> {
    if (this.finished) return DONE;
    try {
      if (this.handle === undefined) {
        this.handle = await open(this.plan.path, 'r');
        this.pending = this.request(this.handle);
      }
      const pending = this.pending;
      if (pending === undefined) return await this.return();
      this.block = await pending;
      this.row = 0;
      this.pending = this.request(this.handle);
    } catch (error) {
      await this.return();
      throw error instanceof RunnerError
        ? error
        : new RunnerError(DataErrorCode.READ, `${this.plan.path}: cannot read: ${String(error)}`, { cause: error });
    }
    return this.next();
  }
}
