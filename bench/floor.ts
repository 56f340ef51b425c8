import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

/**
 * The floor: the same SMA crossover, next-open fills and per-share commission as the engine
 * run, in a plain loop with no framework, no validation and no exact money. Returns the final
 * equity so the work cannot be optimised away.
 */
export async function floorBacktest(path: string, fast: number, slow: number, qty: number, perShare: number): Promise<number> {
  const fastBuf = new Float64Array(fast);
  const slowBuf = new Float64Array(slow);
  let fastSum = 0;
  let slowSum = 0;
  let n = 0;
  let cash = 100_000;
  let position = 0;
  let pending = 0;
  let lastClose = 0;
  const lines = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
  let header = true;
  for await (const line of lines) {
    if (header) {
      header = false;
      continue;
    }
    const parts = line.split(',');
    const open = Number(parts[1]);
    const close = Number(parts[4]);
    if (pending !== 0) {
      cash -= pending * open + Math.abs(pending) * perShare;
      position += pending;
      pending = 0;
    }
    fastSum += close - (fastBuf[n % fast] ?? 0);
    fastBuf[n % fast] = close;
    slowSum += close - (slowBuf[n % slow] ?? 0);
    slowBuf[n % slow] = close;
    n += 1;
    lastClose = close;
    if (n < slow) continue;
    const f = fastSum / fast;
    const s = slowSum / slow;
    if (f > s && position <= 0) pending = qty;
    else if (f < s && position > 0) pending = -position;
  }
  return cash + position * lastClose;
}
