import { basename } from 'node:path';
import { RunnerError, toSymbol } from '../core/index.js';
import type { Bar, Symbol } from '../core/index.js';
import type { BarFormat, BarSource, OpenBarFileOptions } from './bar-source.js';
import { inferIntervalMs } from './bar-interval.js';
import { isBarCacheFile, openBarCache } from './cache/index.js';
import { detectBarFormat } from './detect-bar-format.js';
import { genericRowParser } from './generic-row-parser.js';
import { DataErrorCode } from './row-error.js';
import { streamBarBatches, streamBars, type RowParser, type TimeRange } from './stream-bars.js';
import { yahooRowParser } from './yahoo-row-parser.js';

/** Returns the symbol a file name implies: its stem before the first `-` or `.`, upper-cased. */
export function symbolFromPath(path: string): Symbol {
  const stem = basename(path).split(/[-.]/, 1)[0] ?? '';
  if (stem.trim() === '') {
    throw new RunnerError(DataErrorCode.FORMAT, `${path}: cannot derive a symbol from the file name; set symbol`);
  }
  return toSymbol(stem);
}

function checkInterval(path: string, intervalMs: number): number {
  if (!Number.isFinite(intervalMs) || intervalMs <= 0) {
    throw new RunnerError(DataErrorCode.INTERVAL, `${path}: bar interval must be positive, got ${intervalMs} ms`);
  }
  return intervalMs;
}

/**
 * Returns a re-readable source of the file's bars. Reads the header now (so a missing file or an
 * unknown format fails here) and, for a generic file without `intervalMs`, its first two rows.
 * Rows are validated as they stream; `from`/`to` keep bars by open time, inclusive. A binary bar
 * cache (`.arbc`, or the cache magic) is opened with `openBarCache` instead: checksum-verified, not
 * re-validated; format options do not apply to it.
 */
export async function openBarFile(options: OpenBarFileOptions): Promise<BarSource> {
  const { path, sessionOf } = options;
  if (await isBarCacheFile(path)) {
    const { symbol, from, to } = options;
    return openBarCache({ path, ...(symbol !== undefined ? { symbol } : {}), ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}) });
  }
  const symbol = options.symbol === undefined ? symbolFromPath(path) : toSymbol(options.symbol);
  const detected = await detectBarFormat(path);
  const format: BarFormat = options.format ?? detected;
  if (format !== detected) {
    throw new RunnerError(DataErrorCode.FORMAT, `${path}: format '${format}' was requested but the header is ${detected}`);
  }
  const range: TimeRange = { from: options.from ?? Number.NEGATIVE_INFINITY, to: options.to ?? Number.POSITIVE_INFINITY };
  let parserFor: (header: readonly string[]) => RowParser;
  switch (format) {
    case 'yahoo': {
      const adjusted = options.adjusted ?? false;
      parserFor = (h) => yahooRowParser(h, { path, symbol, sessionOf, adjusted });
      break;
    }
    case 'generic': {
      const intervalMs = checkInterval(path, options.intervalMs ?? (await inferIntervalMs(path, symbol)));
      parserFor = (h) => genericRowParser(h, { path, symbol, intervalMs });
      break;
    }
    default: {
      const unreachable: never = format;
      throw new RunnerError(DataErrorCode.FORMAT, `${path}: unknown format ${String(unreachable)}`);
    }
  }
  const bars = (): AsyncIterable<Bar> => streamBars(path, parserFor, range);
  const batches = (): AsyncIterable<readonly Bar[]> => streamBarBatches(path, parserFor, range);
  return { path, symbol, bars, batches };
}
