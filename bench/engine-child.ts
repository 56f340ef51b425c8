import { runBacktest } from '../src/modes/index.js';
import { benchSettings } from './sma-strategy.js';

// Runs one engine backtest in its own process so its peak RSS is its own; prints one JSON line.
const files = process.argv.slice(2);
// The process before the run: Node, the tsx loader and every module loaded (the run's own memory is the rest).
const startRssMb = Math.round(process.memoryUsage().rss / 1048576);
const start = performance.now();
const outcome = await runBacktest(benchSettings(files));
const ms = performance.now() - start;
const usage = process.resourceUsage();
process.stdout.write(`${JSON.stringify({
  bars: outcome.result.bars, ms, fills: outcome.result.fills, maxRssMb: Math.round(usage.maxRSS / 1024), startRssMb,
})}\n`);
