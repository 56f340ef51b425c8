/** The binary bar cache: compact, checksummed, block-columnar files read as streaming bar sources. */
export { CacheErrorCode } from './cache-error-code.js';
export { CacheLayout } from './cache-layout.js';
export type { CacheHeader } from './cache-header.js';
export { intervalLabel } from './interval-label.js';
export { barCacheFileName, writeBarCache } from './write-bar-cache.js';
export type { WriteBarCacheOptions, WrittenBarCache } from './write-bar-cache.js';
export { openBarCache } from './open-bar-cache.js';
export type { CachedBarSource, OpenBarCacheOptions } from './open-bar-cache.js';
export { isBarCacheFile } from './is-bar-cache-file.js';
