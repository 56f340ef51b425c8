/**
 * The on-disk layout of a bar cache file (version 1), little-endian:
 *
 * | offset | size | field                                                         |
 * |--------|------|---------------------------------------------------------------|
 * | 0      | 4    | magic `ARBC`                                                  |
 * | 4      | 2    | layout version (1)                                            |
 * | 6      | 2    | column count                                                  |
 * | 8      | 4    | header bytes H (multiple of 8; the payload starts here)       |
 * | 12     | 4    | rows per block B                                              |
 * | 16     | 8    | bar count (f64)                                               |
 * | 24     | 8    | first bar open time, epoch ms (f64)                           |
 * | 32     | 8    | last bar open time, epoch ms (f64)                            |
 * | 40     | 8    | nominal bar length in ms (the first bar's `tsEnd - ts`)       |
 * | 48     | 32   | SHA-256 of payload ‖ header (with these 32 bytes zeroed)      |
 * | 80     | 2    | length L of the JSON metadata                                 |
 * | 82     | L    | JSON `{ symbol, interval, columns: [[name, type], …] }`       |
 *
 * The payload is a run of blocks of B rows (the last may be shorter). A block of n rows holds
 * each column contiguously, in column order: n f64 values per f64 column, then n u32 values of
 * `span` (`tsEnd - ts` in ms). Columns inside a block therefore stay 8-byte aligned.
 */
export const CacheLayout = {
  MAGIC: 'ARBC',
  VERSION: 1,
  FIXED_BYTES: 82,
  DIGEST_OFFSET: 48,
  DIGEST_BYTES: 32,
  BLOCK_ROWS: 8192,
  /** The data columns every version-1 file carries, in block order. */
  COLUMNS: [
    ['ts', 'f64'], ['open', 'f64'], ['high', 'f64'], ['low', 'f64'], ['close', 'f64'], ['volume', 'f64'], ['span', 'u32'],
  ],
  /** Bytes one bar takes: six f64 columns and one u32. */
  ROW_BYTES: 6 * 8 + 4,
  /** The file extension the CLI writes and `openBarFile` recognises. */
  EXTENSION: '.arbc',
} as const;

/** Returns the payload bytes of a block of `rows` bars. */
export function blockBytes(rows: number): number {
  return rows * CacheLayout.ROW_BYTES;
}
