import { z } from 'zod';
import { RunnerError, toSymbol } from '../../core/index.js';
import type { Symbol } from '../../core/index.js';
import { CacheErrorCode } from './cache-error-code.js';
import { CacheLayout } from './cache-layout.js';

/** What a cache file's header says about its bars. */
export interface CacheHeader {
  readonly symbol: Symbol;
  /** Human label of the bar length, e.g. `1m` or `1d`. */
  readonly interval: string;
  /** The first bar's `tsEnd - ts`; daily bars vary (half days), the `span` column is exact. */
  readonly intervalMs: number;
  readonly count: number;
  readonly firstTs: number;
  readonly lastTs: number;
  readonly blockRows: number;
  /** Where the payload starts. */
  readonly headerBytes: number;
}

const Meta = z.object({
  symbol: z.string().min(1),
  interval: z.string(),
  columns: z.array(z.tuple([z.string(), z.string()])),
});

function fail(code: CacheErrorCode, path: string, reason: string): RunnerError {
  return new RunnerError(code, `${path}: ${reason}`);
}

/**
 * Returns the header bytes for `h` with the digest field zeroed (the writer fills it in last).
 * `h.headerBytes` is ignored: the size follows from the metadata, padded to 8 bytes.
 */
export function encodeCacheHeader(h: Omit<CacheHeader, 'headerBytes'>): Uint8Array {
  const columns = CacheLayout.COLUMNS.map(([name, type]) => [name, type]);
  const json = new TextEncoder().encode(JSON.stringify({ symbol: h.symbol, interval: h.interval, columns }));
  const size = Math.ceil((CacheLayout.FIXED_BYTES + json.length) / 8) * 8;
  const bytes = new Uint8Array(size);
  const view = new DataView(bytes.buffer);
  bytes.set(new TextEncoder().encode(CacheLayout.MAGIC), 0);
  view.setUint16(4, CacheLayout.VERSION, true);
  view.setUint16(6, CacheLayout.COLUMNS.length, true);
  view.setUint32(8, size, true);
  view.setUint32(12, h.blockRows, true);
  view.setFloat64(16, h.count, true);
  view.setFloat64(24, h.firstTs, true);
  view.setFloat64(32, h.lastTs, true);
  view.setFloat64(40, h.intervalMs, true);
  view.setUint16(80, json.length, true);
  bytes.set(json, CacheLayout.FIXED_BYTES);
  return bytes;
}

/** Returns whether the bytes start with the cache magic. */
export function hasCacheMagic(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && new TextDecoder().decode(bytes.subarray(0, 4)) === CacheLayout.MAGIC;
}

/**
 * Returns the fixed part's header size, checking magic and version. Throws `DATA_ERR_CACHE_FORMAT`,
 * `DATA_ERR_CACHE_VERSION` or `DATA_ERR_CACHE_TRUNCATED` naming `path`.
 */
export function headerSize(fixed: Uint8Array, path: string): number {
  if (fixed.length < CacheLayout.FIXED_BYTES) {
    if (!hasCacheMagic(fixed)) throw fail(CacheErrorCode.FORMAT, path, 'not a bar cache file (bad magic)');
    throw fail(CacheErrorCode.TRUNCATED, path, `truncated header (${fixed.length} bytes)`);
  }
  if (!hasCacheMagic(fixed)) throw fail(CacheErrorCode.FORMAT, path, 'not a bar cache file (bad magic)');
  const view = new DataView(fixed.buffer, fixed.byteOffset, fixed.byteLength);
  const version = view.getUint16(4, true);
  if (version !== CacheLayout.VERSION) {
    throw fail(CacheErrorCode.VERSION, path, `cache layout version ${version} is not supported (expected ${CacheLayout.VERSION}); re-import the CSV`);
  }
  const size = view.getUint32(8, true);
  const jsonLength = view.getUint16(80, true);
  if (size % 8 !== 0 || size < CacheLayout.FIXED_BYTES + jsonLength || size > 65_536) {
    throw fail(CacheErrorCode.FORMAT, path, `bad header size ${size}`);
  }
  return size;
}

function parseMeta(bytes: Uint8Array, path: string): z.infer<typeof Meta> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const jsonLength = view.getUint16(80, true);
  const text = new TextDecoder().decode(bytes.subarray(CacheLayout.FIXED_BYTES, CacheLayout.FIXED_BYTES + jsonLength));
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw fail(CacheErrorCode.FORMAT, path, 'header metadata is not JSON');
  }
  const meta = Meta.safeParse(parsed);
  const expected = JSON.stringify(CacheLayout.COLUMNS);
  if (!meta.success || JSON.stringify(meta.data.columns) !== expected) {
    throw fail(CacheErrorCode.FORMAT, path, `header metadata must hold symbol, interval and columns ${expected}`);
  }
  return meta.data;
}

/** Returns the decoded header (all `headerSize` bytes). Throws `DATA_ERR_CACHE_FORMAT` naming `path`. */
export function decodeCacheHeader(bytes: Uint8Array, path: string): CacheHeader {
  const headerBytes = headerSize(bytes, path);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const meta = parseMeta(bytes, path);
  const count = view.getFloat64(16, true);
  const blockRows = view.getUint32(12, true);
  if (!Number.isSafeInteger(count) || count < 0 || blockRows === 0 || blockRows % 2 !== 0) {
    throw fail(CacheErrorCode.FORMAT, path, `bad bar count ${count} or block size ${blockRows}`);
  }
  return {
    symbol: toSymbol(meta.symbol), interval: meta.interval, intervalMs: view.getFloat64(40, true), count,
    firstTs: view.getFloat64(24, true), lastTs: view.getFloat64(32, true), blockRows, headerBytes,
  };
}
