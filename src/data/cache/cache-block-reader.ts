import { open, type FileHandle } from 'node:fs/promises';
import { RunnerError } from '../../core/index.js';
import { DataErrorCode } from '../row-error.js';
import { blockBuffer, blockCount, readBlock, type CacheBlock } from './cache-block.js';
import type { CacheStreamPlan } from './cache-stream-plan.js';

/**
 * Reads a cache file's blocks in order from the plan's first block, reading the next block while
 * the current one is consumed: two block buffers in all, whatever the file's size. A block stays
 * valid until the read after the next one starts, i.e. until `next()` is called again.
 */
export class CacheBlockReader {
  private handle: FileHandle | undefined;
  private nextBlock: number;
  private pending: Promise<CacheBlock> | undefined;
  private readonly buffers: ArrayBuffer[];
  private flip = 0;
  private closed = false;

  constructor(private readonly plan: CacheStreamPlan) {
    this.nextBlock = plan.startBlock;
    this.buffers = [blockBuffer(plan.header), blockBuffer(plan.header)];
  }

  /** Returns the next block, or `undefined` after the last (or once closed). */
  async next(): Promise<CacheBlock | undefined> {
    if (this.closed) return undefined;
    try {
      if (this.handle === undefined) {
        this.handle = await open(this.plan.path, 'r');
        this.pending = this.request(this.handle);
      }
      const pending = this.pending;
      if (pending === undefined) return undefined;
      const block = await pending;
      // The buffer being filled next is the other one, so `block` stays intact until the next call.
      this.pending = this.request(this.handle);
      return block;
    } catch (error) {
      await this.close();
      throw error instanceof RunnerError
        ? error
        : new RunnerError(DataErrorCode.READ, `${this.plan.path}: cannot read: ${String(error)}`, { cause: error });
    }
  }

  /** Stops reading and closes the file; idempotent. */
  async close(): Promise<void> {
    this.closed = true;
    const pending = this.pending;
    this.pending = undefined;
    // The prefetch may still be in flight; its outcome no longer matters but must not go unhandled.
    await pending?.catch(() => undefined);
    const handle = this.handle;
    this.handle = undefined;
    await handle?.close();
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
}
