import { readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { describe, it } from 'vitest';
import { CacheErrorCode, openBarCache, openBarFile } from '../../../../src/data/index.js';
import { expectRunnerError, sessionOf, YHOO } from '../fixtures.js';
import { importCsv } from './cache-support.js';

function patch(file: string, offset: number, edit: (byte: number) => number): void {
  const bytes = readFileSync(file);
  bytes[offset] = edit(bytes[offset] ?? 0);
  writeFileSync(file, bytes);
}

describe('bar cache damage', () => {
  it('refuses a flipped payload bit with DATA_ERR_CACHE_CHECKSUM naming the file', async () => {
    const { path } = await importCsv(YHOO, 64);
    patch(path, readFileSync(path).length - 1000, (b) => b ^ 0x01);
    await expectRunnerError(openBarCache({ path }), CacheErrorCode.CHECKSUM,
      `${path}: checksum mismatch: the cache file is corrupt; re-import it from the CSV`);
  });

  it('refuses an edited header field (the digest covers the header too)', async () => {
    const { path } = await importCsv(YHOO, 64);
    patch(path, 40, (b) => b ^ 0x10);
    await expectRunnerError(openBarFile({ path, sessionOf }), CacheErrorCode.CHECKSUM,
      `${path}: checksum mismatch: the cache file is corrupt; re-import it from the CSV`);
  });

  it('refuses a truncated file with DATA_ERR_CACHE_TRUNCATED before reading bars', async () => {
    const { path } = await importCsv(YHOO, 64);
    const size = readFileSync(path).length;
    truncateSync(path, size - 52);
    await expectRunnerError(openBarCache({ path }), CacheErrorCode.TRUNCATED,
      `${path}: truncated or damaged: ${size - 52} bytes, but the header's 4713 bars need ${size}`);
    truncateSync(path, 50);
    await expectRunnerError(openBarCache({ path }), CacheErrorCode.TRUNCATED, `${path}: truncated header (50 bytes)`);
  });

  it('refuses a file without the magic and an unknown layout version', async () => {
    const { path } = await importCsv(YHOO);
    patch(path, 4, () => 9);
    await expectRunnerError(openBarCache({ path }), CacheErrorCode.VERSION,
      `${path}: cache layout version 9 is not supported (expected 1); re-import the CSV`);
    patch(path, 0, () => 0x78);
    await expectRunnerError(openBarFile({ path, sessionOf }), CacheErrorCode.FORMAT, `${path}: not a bar cache file (bad magic)`);
  });

  it('reports a missing cache file as DATA_ERR_NOT_FOUND', async () => {
    await expectRunnerError(openBarCache({ path: '/nonexistent/X-1m.arbc' }), 'DATA_ERR_NOT_FOUND', '/nonexistent/X-1m.arbc: no such file');
  });
});
