import type { FileHandle } from 'node:fs/promises';
import { RunnerError } from '../../core/index.js';
import { CacheErrorCode } from './cache-error-code.js';
import type { CacheHeader } from './cache-header.js';
import { blockBytes } from './cache-layout.js';

/** One block of a cache file, as typed-array views over a buffer the reader owns. */
export interface CacheBlock {
  readonly rows: number;
  /** Index of the block's first bar in the file. */
  readonly firstRow: number;
  readonly bytes: Uint8Array;
  readonly ts: Float64Array;
  readonly open: Float64Array;
  readonly high: Float64Array;
  readonly low: Float64Array;
  readonly close: Float64Array;
  readonly volume: Float64Array;
  readonly span: Uint32Array;
}

/** Returns how many blocks the file holds. */
export function blockCount(header: CacheHeader): number {
  return Math.ceil(header.count / header.blockRows);
}

/** Returns a buffer big enough for any block of the file. */
export function blockBuffer(header: CacheHeader): ArrayBuffer {
  return new ArrayBuffer(blockBytes(Math.min(header.blockRows, Math.max(header.count, 1))));
}

/** Returns column views over the first `rows` rows' worth of `buffer`. */
export function blockView(buffer: ArrayBuffer, rows: number, firstRow: number): CacheBlock {
  const col = (k: number): Float64Array => new Float64Array(buffer, k * rows * 8, rows);
  return {
    rows, firstRow, bytes: new Uint8Array(buffer, 0, blockBytes(rows)),
    ts: col(0), open: col(1), high: col(2), low: col(3), close: col(4), volume: col(5),
    span: new Uint32Array(buffer, 6 * rows * 8, rows),
  };
}

/**
 * Returns block `index` read into `buffer` (reused by the caller, so memory stays at one block).
 * Throws `DATA_ERR_CACHE_TRUNCATED` naming `path` when the file ends early.
 */
export async function readBlock(
  handle: FileHandle, header: CacheHeader, index: number, buffer: ArrayBuffer, path: string,
): Promise<CacheBlock> {
  const firstRow = index * header.blockRows;
  const rows = Math.min(header.blockRows, header.count - firstRow);
  const length = blockBytes(rows);
  const target = new Uint8Array(buffer, 0, length);
  const position = header.headerBytes + blockBytes(firstRow);
  let done = 0;
  while (done < length) {
    const { bytesRead } = await handle.read(target, done, length - done, position + done);
    if (bytesRead === 0) {
      throw new RunnerError(CacheErrorCode.TRUNCATED, `${path}: truncated: block ${index} ends after ${done} of ${length} bytes`);
    }
    done += bytesRead;
  }
  return blockView(buffer, rows, firstRow);
}
