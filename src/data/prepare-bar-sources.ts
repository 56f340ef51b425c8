import { join } from 'node:path';
import { isRunnerError } from '../core/index.js';
import type { Bar } from '../core/index.js';
import { barBatches } from './bar-batches.js';
import type { BarSource, BarSourceSummary } from './bar-source.js';
import { CacheErrorCode, openBarCache, writeBarCache } from './cache/index.js';
import { MemoryBars } from './memory-bars.js';
import { createTempDir, removeTempDir } from './temp-dir.js';
import { TeeBars } from './tee-bars.js';
import { validateBarSource } from './validate-bar-source.js';

/** Knobs of {@link prepareBarSources}. */
export interface PrepareBarSourcesOptions {
  /** Where the temporary folder is made; defaults to the OS temp folder. */
  readonly tempParent?: string;
  /** Rows per cache block; defaults to the cache's own. Tests use small blocks. */
  readonly blockRows?: number;
  /**
   * Default true. With false, no file is written: each CSV is still validated once, and comes
   * back as the same reader carrying its summary, so the run parses it a second time (with the
   * byte fast path that costs about as much as writing and reading the cache; see the README).
   */
  readonly cache?: boolean;
  /**
   * With `cache: false`: up to this many validated bars (over all sources, in order) are kept in
   * memory as columns (56 bytes a bar), and a source whose bars all fit is read from memory rather
   * than parsed again. Default 0.
   */
  readonly memoryBars?: number;
}

/** Sources checked once and ready to stream; owns a temporary folder until disposed. */
export interface PreparedBarSources {
  /** The sources in input order: a validated CSV now reads from its temporary cache file. */
  readonly sources: readonly BarSource[];
  /** What validating each source found, in input order. */
  readonly summaries: readonly BarSourceSummary[];
  /** Bars in range over all sources. */
  readonly bars: number;
  /** Removes the temporary folder; call it once the sources are no longer streamed. Idempotent. */
  dispose(): Promise<void>;
}

/** Returns the source as it is, plus the summary found, so validating it again costs nothing. */
function withSummary(source: BarSource, summary: BarSourceSummary): BarSource {
  const batches = source.batches;
  return {
    path: source.path, symbol: source.symbol, bars: () => source.bars(), summary: () => Promise.resolve(summary),
    ...(batches !== undefined ? { batches: () => batches.call(source) } : {}),
  };
}

function emptySource(source: BarSource): BarSource {
  const none = async function* <T>(): AsyncGenerator<T> {};
  return { path: source.path, symbol: source.symbol, bars: () => none<Bar>(), batches: () => none<readonly Bar[]>(), summary: () => Promise.resolve({ bars: 0 }) };
}

/**
 * Returns the source validated in one pass whose bars, as they stream, are written to a cache file
 * in `outDir`, and the source reading that file back. A source with no bars in range gets no
 * file; one the cache layout cannot hold (a bar length that is not a whole number of ms below
 * 2^32) is validated in a second pass and returned as it is, with its summary.
 */
async function viaCache(source: BarSource, outDir: string, blockRows: number | undefined): Promise<{ source: BarSource; summary: BarSourceSummary }> {
  const tee = new TeeBars(barBatches(source)[Symbol.asyncIterator]());
  if (!(await tee.ready())) return { source: emptySource(source), summary: { bars: 0 } };
  const through: BarSource = { path: source.path, symbol: source.symbol, bars: () => ({ [Symbol.asyncIterator]: () => tee }) };
  let written: { readonly path: string };
  try {
    written = await writeBarCache(through, { outDir, ...(blockRows !== undefined ? { blockRows } : {}) });
  } catch (error) {
    if (!isRunnerError(error, CacheErrorCode.UNSUPPORTED)) throw error;
    const summary = await validateBarSource(source);
    return { source: withSummary(source, summary), summary };
  }
  const summary = tee.summary();
  const cached = await openBarCache({ path: written.path, symbol: source.symbol });
  const prepared: BarSource = {
    path: source.path, symbol: source.symbol, bars: cached.bars, batches: cached.batches, summary: () => Promise.resolve(summary),
  };
  return { source: prepared, summary };
}

/**
 * Validates `source` in one pass (as {@link validateBarSource} does) while keeping its bars in
 * memory as long as they fit in `budget`; returns a source over memory when they all fit, else the
 * source itself with its summary.
 */
async function validateKeeping(source: BarSource, budget: number): Promise<{ source: BarSource; summary: BarSourceSummary }> {
  let kept: MemoryBars | undefined = budget > 0 ? new MemoryBars(source.symbol) : undefined;
  const summary = await validateBarSource(source, (batch) => {
    if (kept === undefined) return;
    if (kept.length + batch.length > budget) {
      kept = undefined;
      return;
    }
    for (const bar of batch) kept.push(bar);
  });
  return kept === undefined ? { source: withSummary(source, summary), summary } : { source: kept.source(source, summary), summary };
}

/**
 * Returns the sources checked once each, in order, before anything trades: a CSV source is
 * validated in a single streaming pass that also writes its bars (those in range) to a binary
 * cache file in a temporary folder, and comes back as a source over that file, so the run reads
 * the cache instead of parsing the CSV a second time. Sources that carry a summary (cache files,
 * verified when opened) are used as they are. Throws the first bad row's `DATA_ERR_INVALID_ROW`
 * (`file:line: reason`), exactly as {@link validateBarSource} would, after removing the folder.
 * The folder is removed by `dispose()`, or at process exit if nobody disposes of it.
 */
export async function prepareBarSources(sources: readonly BarSource[], options: PrepareBarSourcesOptions = {}): Promise<PreparedBarSources> {
  let dir: string | undefined;
  const dispose = async (): Promise<void> => {
    if (dir !== undefined) await removeTempDir(dir);
    dir = undefined;
  };
  try {
    const out: BarSource[] = [];
    const summaries: BarSourceSummary[] = [];
    let bars = 0;
    let kept = 0;
    for (const [i, source] of sources.entries()) {
      let done: { source: BarSource; summary: BarSourceSummary };
      if (source.summary !== undefined) {
        done = { source, summary: await source.summary() };
      } else if (options.cache === false) {
        done = await validateKeeping(source, Math.max(0, (options.memoryBars ?? 0) - kept));
        if (done.source.columns !== undefined) kept += done.summary.bars;
      } else {
        dir ??= createTempDir('aries-bars-', options.tempParent);
        done = await viaCache(source, join(dir, String(i)), options.blockRows);
      }
      out.push(done.source);
      summaries.push(done.summary);
      bars += done.summary.bars;
    }
    return { sources: out, summaries, bars, dispose };
  } catch (error) {
    await dispose();
    throw error;
  }
}
