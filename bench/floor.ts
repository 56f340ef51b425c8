import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { openBarCache } from '../src/data/index.js';
import { RollingMean } from './rolling-mean.js';

/**
 * The floor: the same SMA crossover, next-open fills and per-share commission as the engine
 * run, in a plain loop with no framework, no validation and no exact money.
 */
class FloorLoop {
  private readonly fastMean: RollingMean;
  private readonly slowMean: RollingMean;
  private cash = 100_000;
  private position = 0;
  private pending = 0;
  private lastClose = 0;

  constructor(fast: number, slow: number, private readonly qty: number, private readonly perShare: number) {
    this.fastMean = new RollingMean(fast);
    this.slowMean = new RollingMean(slow);
  }

  bar(open: number, close: number): void {
    if (this.pending !== 0) {
      this.cash -= this.pending * open + Math.abs(this.pending) * this.perShare;
      this.position += this.pending;
      this.pending = 0;
    }
    const f = this.fastMean.add(close);
    const s = this.slowMean.add(close);
    this.lastClose = close;
    if (f === null || s === null) return;
    if (f > s && this.position <= 0) this.pending = this.qty;
    else if (f < s && this.position > 0) this.pending = -this.position;
  }

  /** Returns the final equity, so the work cannot be optimised away. */
  equity(): number {
    return this.cash + this.position * this.lastClose;
  }
}

/** Runs the floor over a generic OHLCV CSV (split on commas, no validation). Returns the final equity. */
export async function floorBacktest(path: string, fast: number, slow: number, qty: number, perShare: number): Promise<number> {
  const loop = new FloorLoop(fast, slow, qty, perShare);
  const lines = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
  let header = true;
  for await (const line of lines) {
    if (header) {
      header = false;
      continue;
    }
    const parts = line.split(',');
    loop.bar(Number(parts[1]), Number(parts[4]));
  }
  return loop.equity();
}

/** Runs the floor over a bar cache file through its streaming source. Returns the final equity. */
export async function floorFromCache(path: string, fast: number, slow: number, qty: number, perShare: number): Promise<number> {
  const loop = new FloorLoop(fast, slow, qty, perShare);
  const source = await openBarCache({ path });
  for await (const bar of source.bars()) loop.bar(bar.open, bar.close);
  return loop.equity();
}
