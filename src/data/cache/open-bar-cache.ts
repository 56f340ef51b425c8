import { open, type FileHandle } from 'node:fs/promises';
import { RunnerError, toSymbol } from '../../core/index.js';
import type { Bar, EpochMs } from '../../core/index.js';
import type { BarSource, BarSourceSummary } from '../bar-source.js';
import { DataErrorCode } from '../row-error.js';
import { CacheBarIterator } from './cache-bar-iterator.js';
import { CacheBatchIterator } from './cache-batch-iterator.js';
import { CacheColumnIterator } from './cache-column-iterator.js';
import type { ColumnBatch } from '../column-batch.js';
import { CacheErrorCode } from './cache-error-code.js';
import { decodeCacheHeader, headerSize, type CacheHeader } from './cache-header.js';
import { blockBytes, CacheLayout } from './cache-layout.js';
import { scanBarCache } from './scan-bar-cache.js';

/** What {@link openBarCache} needs. */
export interface OpenBarCacheOptions {
  readonly path: string;
  /** Overrides the symbol stored in the header. */
  readonly symbol?: string;
  /** Earliest bar open time kept (inclusive). */
  readonly from?: EpochMs;
  /** Latest bar open time kept (inclusive). */
  readonly to?: EpochMs;
}

/** A bar source over a cache file: checksum-verified on open, so its summary needs no re-read. */
export interface CachedBarSource extends BarSource {
  readonly header: CacheHeader;
  readonly summary: () => Promise<BarSourceSummary>;
  readonly batches: () => AsyncIterable<readonly Bar[]>;
  readonly columns: () => AsyncIterable<ColumnBatch>;
}

async function readExactly(handle: FileHandle, length: number): Promise<Uint8Array> {
  const bytes = new Uint8Array(length);
  let done = 0;
  while (done < length) {
    const { bytesRead } = await handle.read(bytes, done, length - done, done);
    if (bytesRead === 0) break;
    done += bytesRead;
  }
  return bytes.subarray(0, done);
}

async function readHeader(handle: FileHandle, path: string): Promise<{ header: CacheHeader; bytes: Uint8Array }> {
  const size = headerSize(await readExactly(handle, CacheLayout.FIXED_BYTES), path);
  const bytes = await readExactly(handle, size);
  if (bytes.length < size) throw new RunnerError(CacheErrorCode.TRUNCATED, `${path}: truncated header (${bytes.length} of ${size} bytes)`);
  return { header: decodeCacheHeader(bytes, path), bytes };
}

async function openHandle(path: string): Promise<FileHandle> {
  try {
    return await open(path, 'r');
  } catch (error) {
    const missing = error instanceof Error && 'code' in error && error.code === 'ENOENT';
    throw missing
      ? new RunnerError(DataErrorCode.NOT_FOUND, `${path}: no such file`, { cause: error })
      : new RunnerError(DataErrorCode.READ, `${path}: cannot read: ${String(error)}`, { cause: error });
  }
}

/**
 * Returns a re-readable bar source over a cache file written by `writeBarCache`. Checks the
 * header, the file's size and the SHA-256 of the whole file now (one streaming pass, one block in
 * memory), so a corrupt or truncated file fails here with `DATA_ERR_CACHE_*` naming it. Bars are
 * not re-validated: they were validated when the cache was written.
 */
export async function openBarCache(options: OpenBarCacheOptions): Promise<CachedBarSource> {
  const { path } = options;
  const handle = await openHandle(path);
  try {
    const { header, bytes } = await readHeader(handle, path);
    const expected = header.headerBytes + blockBytes(header.count);
    const actual = (await handle.stat()).size;
    if (actual !== expected) {
      throw new RunnerError(CacheErrorCode.TRUNCATED, `${path}: truncated or damaged: ${actual} bytes, but the header's ${header.count} bars need ${expected}`);
    }
    const symbol = options.symbol === undefined ? header.symbol : toSymbol(options.symbol);
    const range = { from: options.from ?? Number.NEGATIVE_INFINITY, to: options.to ?? Number.POSITIVE_INFINITY };
    const scan = await scanBarCache(handle, header, bytes, path, range, symbol);
    const plan = { path, symbol, header, range, startBlock: scan.startBlock };
    const bars = (): AsyncIterable<Bar> => ({ [Symbol.asyncIterator]: () => new CacheBarIterator(plan) });
    const batches = (): AsyncIterable<readonly Bar[]> => ({ [Symbol.asyncIterator]: () => new CacheBatchIterator(plan) });
    const columns = (): AsyncIterable<ColumnBatch> => ({ [Symbol.asyncIterator]: () => new CacheColumnIterator(plan) });
    return { path, symbol, header, bars, batches, columns, summary: () => Promise.resolve(scan.summary) };
  } finally {
    await handle.close();
  }
}
