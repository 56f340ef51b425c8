/** Error codes of the binary bar cache; each message names the file. */
export const CacheErrorCode = {
  /** Not a bar cache (bad magic) or a header that does not parse. */
  FORMAT: 'DATA_ERR_CACHE_FORMAT',
  /** A cache written by a newer (or unknown) layout version. */
  VERSION: 'DATA_ERR_CACHE_VERSION',
  /** The file is shorter (or longer) than its header says. */
  TRUNCATED: 'DATA_ERR_CACHE_TRUNCATED',
  /** The payload or header does not match the stored SHA-256 digest. */
  CHECKSUM: 'DATA_ERR_CACHE_CHECKSUM',
  /** A bar that the layout cannot hold (e.g. a negative or huge bar length). */
  UNSUPPORTED: 'DATA_ERR_CACHE_UNSUPPORTED',
} as const;
/** Error codes of the binary bar cache. */
export type CacheErrorCode = (typeof CacheErrorCode)[keyof typeof CacheErrorCode];
