import { createHash } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import { RunnerError } from '../../core/index.js';
import type { Bar, Symbol } from '../../core/index.js';
import type { BarSourceSummary } from '../bar-source.js';
import type { TimeRange } from '../stream-bars.js';
import { blockBuffer, blockCount, readBlock, type CacheBlock } from './cache-block.js';
import { CacheErrorCode } from './cache-error-code.js';
import type { CacheHeader } from './cache-header.js';
import { cacheBar } from './cache-bar.js';
import { CacheLayout } from './cache-layout.js';

/** What one checksum pass over a cache file found. */
export interface CacheScan {
  readonly summary: BarSourceSummary;
  /** The first block holding a bar at or after the range start (streams start there). */
  readonly startBlock: number;
}

interface InRange {
  count: number;
  startBlock: number;
  first?: Bar;
  last?: Bar;
}

function countBlock(b: CacheBlock, index: number, range: TimeRange, symbol: Symbol, acc: InRange): void {
  let lastRow = -1;
  for (let i = 0; i < b.rows; i += 1) {
    const ts = b.ts[i] ?? 0;
    if (ts < range.from || ts > range.to) continue;
    if (acc.first === undefined) {
      acc.first = cacheBar(b, i, symbol);
      acc.startBlock = index;
    }
    acc.count += 1;
    lastRow = i;
  }
  if (lastRow >= 0) acc.last = cacheBar(b, lastRow, symbol);
}

/**
 * Returns the bars in `range` after reading the whole payload once, one block at a time, and
 * checking it against the header's SHA-256. Throws `DATA_ERR_CACHE_CHECKSUM` naming `path` on a
 * mismatch, `DATA_ERR_CACHE_TRUNCATED` when the file ends early.
 */
export async function scanBarCache(
  handle: FileHandle, header: CacheHeader, headerBytes: Uint8Array, path: string, range: TimeRange, symbol: Symbol,
): Promise<CacheScan> {
  const hash = createHash('sha256');
  const buffer = blockBuffer(header);
  const acc: InRange = { count: 0, startBlock: blockCount(header) };
  for (let k = 0; k < blockCount(header); k += 1) {
    const block = await readBlock(handle, header, k, buffer, path);
    hash.update(block.bytes);
    countBlock(block, k, range, symbol, acc);
  }
  const zeroed = headerBytes.slice();
  const stored = headerBytes.slice(CacheLayout.DIGEST_OFFSET, CacheLayout.DIGEST_OFFSET + CacheLayout.DIGEST_BYTES);
  zeroed.fill(0, CacheLayout.DIGEST_OFFSET, CacheLayout.DIGEST_OFFSET + CacheLayout.DIGEST_BYTES);
  hash.update(zeroed);
  if (!Buffer.from(stored).equals(hash.digest())) {
    throw new RunnerError(CacheErrorCode.CHECKSUM, `${path}: checksum mismatch: the cache file is corrupt; re-import it from the CSV`);
  }
  const summary: BarSourceSummary = acc.first === undefined || acc.last === undefined
    ? { bars: 0 }
    : { bars: acc.count, first: acc.first, last: acc.last };
  return { summary, startBlock: acc.startBlock };
}
