import { createHash } from 'node:crypto';
import { mkdir, open, rename, rm, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { RunnerError } from '../../core/index.js';
import type { Bar, Symbol } from '../../core/index.js';
import type { BarSource } from '../bar-source.js';
import { DataErrorCode } from '../row-error.js';
import { BlockBuilder } from './block-builder.js';
import { CacheErrorCode } from './cache-error-code.js';
import { encodeCacheHeader, type CacheHeader } from './cache-header.js';
import { CacheLayout } from './cache-layout.js';
import { intervalLabel } from './interval-label.js';

/** Where and how {@link writeBarCache} writes. */
export interface WriteBarCacheOptions {
  /** Folder of the cache files; created when missing. */
  readonly outDir: string;
  /** Label in the file name and header; defaults to one derived from the first bar's length. */
  readonly interval?: string;
  /** Rows per block (even); the default suits streaming. Tests use small blocks. */
  readonly blockRows?: number;
}

/** What {@link writeBarCache} wrote. */
export type WrittenBarCache = Omit<CacheHeader, 'blockRows' | 'headerBytes'> & { readonly path: string };

const MAX_SPAN = 0xffff_ffff;

function spanOf(bar: Bar, source: string): number {
  const span = bar.tsEnd - bar.ts;
  if (!Number.isInteger(span) || span < 0 || span > MAX_SPAN) {
    throw new RunnerError(CacheErrorCode.UNSUPPORTED, `${source}: bar at ${bar.ts} lasts ${span} ms, which the cache cannot hold`);
  }
  return span;
}

/** Returns the file name of a cache: `<SYMBOL>-<interval>.arbc`. */
export function barCacheFileName(symbol: Symbol, interval: string): string {
  return `${symbol}-${interval}${CacheLayout.EXTENSION}`;
}

async function firstBar(bars: AsyncIterator<Bar>, source: string): Promise<Bar> {
  const first = await bars.next();
  if (first.done === true) throw new RunnerError(DataErrorCode.EMPTY, `${source}: no bars to cache`);
  return first.value;
}

async function writeBody(handle: FileHandle, source: BarSource, header: Omit<CacheHeader, 'count' | 'lastTs'>, bars: AsyncIterator<Bar>, first: Bar): Promise<CacheHeader> {
  const hash = createHash('sha256');
  const builder = new BlockBuilder(header.blockRows);
  let position = header.headerBytes;
  let count = 0;
  let lastTs = first.ts;
  const drain = async (): Promise<void> => {
    const bytes = builder.take();
    hash.update(bytes);
    await handle.write(bytes, 0, bytes.length, position);
    position += bytes.length;
  };
  for (let next: IteratorResult<Bar> = { done: false, value: first }; next.done !== true; next = await bars.next()) {
    const bar = next.value;
    builder.add(bar, spanOf(bar, source.path));
    count += 1;
    lastTs = bar.ts;
    if (builder.size === builder.capacity) await drain();
  }
  if (builder.size > 0) await drain();
  const full: CacheHeader = { ...header, count, lastTs };
  const head = encodeCacheHeader(full);
  hash.update(head);
  head.set(hash.digest(), CacheLayout.DIGEST_OFFSET);
  await handle.write(head, 0, head.length, 0);
  return full;
}

/**
 * Returns what it wrote after streaming `source` (whose reader validates every row) into
 * `<outDir>/<SYMBOL>-<interval>.arbc`, one block in memory at a time. The file appears only
 * when complete (written under a temporary name, then renamed); a bad row leaves nothing behind.
 */
export async function writeBarCache(source: BarSource, options: WriteBarCacheOptions): Promise<WrittenBarCache> {
  const blockRows = options.blockRows ?? CacheLayout.BLOCK_ROWS;
  if (!Number.isInteger(blockRows) || blockRows < 2 || blockRows % 2 !== 0) {
    throw new RunnerError(CacheErrorCode.UNSUPPORTED, `block size must be an even integer ≥ 2, got ${blockRows}`);
  }
  await mkdir(options.outDir, { recursive: true });
  const bars = source.bars()[Symbol.asyncIterator]();
  const first = await firstBar(bars, source.path);
  const interval = options.interval ?? intervalLabel(first.tsEnd - first.ts);
  const target = path.join(options.outDir, barCacheFileName(source.symbol, interval));
  const temporary = `${target}.partial`;
  const base = { symbol: source.symbol, interval, intervalMs: first.tsEnd - first.ts, firstTs: first.ts, blockRows };
  const headerBytes = encodeCacheHeader({ ...base, count: 0, lastTs: 0 }).length;
  const handle = await open(temporary, 'w');
  try {
    const header = await writeBody(handle, source, { ...base, headerBytes }, bars, first);
    await handle.close();
    await rename(temporary, target);
    return {
      path: target, symbol: header.symbol, interval, intervalMs: header.intervalMs, count: header.count,
      firstTs: header.firstTs, lastTs: header.lastTs,
    };
  } catch (error) {
    await bars.return?.();
    await handle.close().catch(() => undefined);
    await rm(temporary, { force: true });
    throw error;
  }
}
