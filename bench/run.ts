import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { openBarFile, writeBarCache } from '../src/data/index.js';
import { runBacktest } from '../src/modes/index.js';
import { NyseCalendar } from '../src/time/index.js';
import { builtEngineInChild, engineInChild } from './child.js';
import { floorBacktest, floorFromCache } from './floor.js';
import { gateCostPerIntent } from './gate-bench.js';
import { measureLiveLatency } from './live-latency.js';
import { writeMinuteBars, writeMinuteCache } from './generate-bars.js';
import { benchSettings } from './sma-strategy.js';

// `npm run bench`: every figure measured side by side in one run. BENCH_SCALE scales all sizes
// (default 1: 1M bars, 50 × 100k, 10M cached); BENCH_BARS overrides the single-symbol size.
const SCALE = Number(process.env['BENCH_SCALE'] ?? 1);
const BARS = Number(process.env['BENCH_BARS'] ?? Math.round(1_000_000 * SCALE));
const MULTI_SYMBOLS = 50;
const MULTI_BARS = Math.round(100_000 * SCALE);
const BIG_BARS = Math.round(10_000_000 * SCALE);

const ROUNDS = 3;
/** `--max-old-space-size` of the precompiled 10M-bar run. */
const BUILT_OLD_SPACE_MB = 80;

interface Timed<T> {
  readonly ms: number;
  readonly value: T;
}

async function timed<T>(f: () => Promise<T>): Promise<Timed<T>> {
  const start = performance.now();
  const value = await f();
  return { ms: performance.now() - start, value };
}

/** Returns the run with the median time. */
function median<T>(runs: readonly Timed<T>[]): Timed<T> {
  const sorted = [...runs].sort((a, b) => a.ms - b.ms);
  const mid = sorted[Math.floor(sorted.length / 2)];
  if (mid === undefined) throw new Error('no runs');
  return mid;
}
const rate = (bars: number, ms: number): number => Math.round(bars / (ms / 1000));

const began = performance.now();
const dir = mkdtempSync(path.join(tmpdir(), 'aries-bench-'));
try {
  const csv = path.join(dir, 'BENCH-1m.csv');
  await writeMinuteBars(csv, BARS, 42);
  const calendar = new NyseCalendar();
  const imported = await timed(async () => writeBarCache(await openBarFile({ path: csv, sessionOf: (d) => calendar.session(d) }), { outDir: path.join(dir, 'cache') }));
  const cache = imported.value.path;
  // Engine and floor alternate, three rounds; each figure is its median round (shared machines are noisy).
  const rounds = { engineCsv: [] as Timed<Awaited<ReturnType<typeof runBacktest>>>[], engineCache: [] as Timed<Awaited<ReturnType<typeof runBacktest>>>[], floorCsv: [] as Timed<number>[], floorCache: [] as Timed<number>[] };
  for (let round = 0; round < ROUNDS; round += 1) {
    rounds.engineCsv.push(await timed(() => runBacktest(benchSettings([csv]))));
    rounds.floorCsv.push(await timed(() => floorBacktest(csv, 10, 30, 100, 0.005)));
    rounds.engineCache.push(await timed(() => runBacktest(benchSettings([cache]))));
    rounds.floorCache.push(await timed(() => floorFromCache(cache, 10, 30, 100, 0.005)));
  }
  const engineCsv = median(rounds.engineCsv);
  const engineCache = median(rounds.engineCache);
  const floorCsv = median(rounds.floorCsv);
  const floorCache = median(rounds.floorCache);
  if (engineCsv.value.report.orderListHash !== engineCache.value.report.orderListHash) throw new Error('CSV and cache runs differ');

  const multiDir = path.join(dir, 'multi');
  const multiFiles: string[] = [];
  for (let s = 0; s < MULTI_SYMBOLS; s += 1) multiFiles.push((await writeMinuteCache(multiDir, `S${String(s).padStart(2, '0')}`, MULTI_BARS, 100 + s)).path);
  const multi = await engineInChild(multiFiles);
  // The NYSE calendar ends in 2050, which holds ~6M regular-session minutes, so the 10M-bar run
  // is ten symbols of 1M bars each, merged by time.
  const bigFiles: string[] = [];
  for (let s = 0; s < 10; s += 1) bigFiles.push((await writeMinuteCache(path.join(dir, 'big'), `B${s}`, BIG_BARS / 10, 7 + s)).path);
  const bigRun = await engineInChild(bigFiles);
  // The same run as a deployment would do it: precompiled (no tsx loader) with V8's old space capped.
  const bigBuilt = await builtEngineInChild(bigFiles, [`--max-old-space-size=${BUILT_OLD_SPACE_MB}`]);
  const gate = gateCostPerIntent(200_000);
  const live = await measureLiveLatency(Math.max(100, Math.round(1000 * Math.min(1, SCALE * 4))));

  const rows = {
    bars: BARS,
    engineCsvBarsPerSec: rate(BARS, engineCsv.ms),
    engineCacheBarsPerSec: rate(BARS, engineCache.ms),
    floorCsvBarsPerSec: rate(BARS, floorCsv.ms),
    floorCacheBarsPerSec: rate(BARS, floorCache.ms),
    engineOverFloorTimeCsv: Number((engineCsv.ms / floorCsv.ms).toFixed(2)),
    engineOverFloorTimeCache: Number((engineCache.ms / floorCache.ms).toFixed(2)),
    importBarsPerSec: rate(BARS, imported.ms),
    cacheMbPerMillionBars: Number((statSync(cache).size / 1e6 / (BARS / 1e6)).toFixed(1)),
    engineFills: engineCache.value.result.fills,
    multi: `${MULTI_SYMBOLS} x ${MULTI_BARS}`,
    multiBarsPerSec: rate(multi.bars, multi.ms),
    multiPeakRssMb: multi.maxRssMb,
    multiStartRssMb: multi.startRssMb,
    bigCachedBars: `${bigRun.bars} (10 symbols)`,
    bigCachedBarsPerSec: rate(bigRun.bars, bigRun.ms),
    bigCachedPeakRssMb: bigRun.maxRssMb,
    bigCachedStartRssMb: bigRun.startRssMb,
    bigBuiltCappedBarsPerSec: rate(bigBuilt.bars, bigBuilt.ms),
    bigBuiltCappedPeakRssMb: bigBuilt.maxRssMb,
    bigBuiltCappedStartRssMb: bigBuilt.startRssMb,
    gateNsPerIntent: Math.round(gate.nsPerIntent),
    liveOrders: live.orders,
    liveQuoteToOrderUs: `p50 ${live.quoteToOrderUs.p50} / p99 ${live.quoteToOrderUs.p99} / max ${live.quoteToOrderUs.max}`,
    liveQuoteToAckUs: `p50 ${live.quoteToAckUs.p50} / p99 ${live.quoteToAckUs.p99}`,
    node: process.version,
    cpus: `${cpus().length} × ${cpus()[0]?.model ?? '?'}`,
    benchSeconds: Math.round((performance.now() - began) / 1000),
  };
  console.table(rows);
  writeFileSync(path.resolve('bench/results.json'), `${JSON.stringify(rows, null, 2)}\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
