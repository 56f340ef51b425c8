import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SMA } from 'trading-signals';
import { defaultConfig, parseCommission } from '../src/config/index.js';
import { runBacktest } from '../src/modes/index.js';
import { defineStrategy } from '../src/strategy/index.js';
import { floorBacktest } from './floor.js';
import { writeMinuteBars } from './generate-bars.js';

// First benchmark: full engine (SMA crossover with trading, gate, venue, ledger) from CSV versus
// a plain-loop floor doing the same work, measured side by side in one process.
const BARS = Number(process.env['BENCH_BARS'] ?? 200_000);
const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

const strategy = defineStrategy({
  name: 'bench-sma-cross',
  params: { fast: 10, slow: 30, qty: 100 },
  onStart(ctx) {
    state.fast = new SMA(ctx.params.fast);
    state.slow = new SMA(ctx.params.slow);
  },
  onBar(bar, ctx) {
    const f = state.fast.add(bar.close);
    const s = state.slow.add(bar.close);
    if (f === null || s === null || ctx.openOrders(bar.symbol).length > 0) return;
    const position = ctx.portfolio.position(bar.symbol);
    if (f > s && position <= 0) ctx.buy(bar.symbol, ctx.params.qty);
    else if (f < s && position > 0) ctx.close(bar.symbol);
  },
});
const state = { fast: new SMA(10), slow: new SMA(30) };

async function timed<T>(f: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await f();
  return { ms: performance.now() - start, value };
}

const dir = mkdtempSync(path.join(tmpdir(), 'aries-bench-'));
try {
  const csv = path.join(dir, 'bench-1m.csv');
  await writeMinuteBars(csv, BARS, 42);
  const risk = { ...defaultConfig().risk, marketHoursCheck: true };
  const engine = await timed(() => runBacktest({
    strategyFile: 'bench', strategy, dataFiles: [csv], symbol: 'BENCH', cash: 100_000, commission: parseCommission('0.005/share'),
    fill: 'next-open', slippageBps: 0, seed: 1, adjusted: false, params: {}, risk, typecheck: false, log: silent,
  }));
  const floor = await timed(() => floorBacktest(csv, 10, 30, 100, 0.005));
  const rows = {
    bars: BARS,
    engineCsvBarsPerSec: Math.round(BARS / (engine.ms / 1000)),
    floorCsvBarsPerSec: Math.round(BARS / (floor.ms / 1000)),
    engineOverFloorTime: Number((engine.ms / floor.ms).toFixed(2)),
    engineFills: engine.value.result.fills,
    node: process.version,
  };
  console.table(rows);
  writeFileSync(path.resolve('bench/results.json'), `${JSON.stringify(rows, null, 2)}\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
