import { open } from 'node:fs/promises';
import { hasCacheMagic } from './cache-header.js';
import { CacheLayout } from './cache-layout.js';

/**
 * Returns whether `path` is a bar cache: by its `.arbc` extension, else by its first four bytes.
 * A file that cannot be read is reported as not a cache, so the CSV reader words the error.
 */
export async function isBarCacheFile(path: string): Promise<boolean> {
  if (path.toLowerCase().endsWith(CacheLayout.EXTENSION)) return true;
  try {
    const handle = await open(path, 'r');
    try {
      const bytes = new Uint8Array(4);
      const { bytesRead } = await handle.read(bytes, 0, 4, 0);
      return hasCacheMagic(bytes.subarray(0, bytesRead));
    } finally {
      await handle.close();
    }
  } catch {
    return false;
  }
}
