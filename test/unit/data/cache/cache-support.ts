import { openBarFile, writeBarCache, type SessionLookup, type WrittenBarCache } from '../../../../src/data/index.js';
import { NyseCalendar } from '../../../../src/time/index.js';
import { tempDir as sharedTempDir } from '../../../support/temp-dir.js';
import { sessionOf } from '../fixtures.js';

/** Returns a fresh temporary folder, removed after the test. */
export function tempDir(): string {
  return sharedTempDir('aries-cache-test-');
}

const nyse = new NyseCalendar();
/** The real NYSE sessions (half days included), as `data import` and backtests use. */
export const nyseSessionOf: SessionLookup = (date) => nyse.session(date);

/**
 * Returns the cache written from a CSV (validated as it streams) into a fresh temporary folder.
 * Daily bars take their open and close from `sessions` (the test fixtures' plain calendar by default).
 */
export async function importCsv(csv: string, blockRows?: number, sessions: SessionLookup = sessionOf): Promise<WrittenBarCache> {
  const source = await openBarFile({ path: csv, sessionOf: sessions });
  return writeBarCache(source, { outDir: tempDir(), ...(blockRows !== undefined ? { blockRows } : {}) });
}
