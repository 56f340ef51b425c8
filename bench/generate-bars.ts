import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Bar, Symbol } from '../src/core/index.js';
import { writeBarCache, type BarSource, type WrittenBarCache } from '../src/data/index.js';
import { NyseCalendar, Rng } from '../src/time/index.js';

const r4 = (x: number): number => Number(x.toFixed(4));

/**
 * Yields `count` one-minute bars of a seeded random walk inside NYSE regular sessions from
 * 2020-01-02 on, prices rounded to 4 decimals (exactly what the CSV text parses back to).
 */
export function* minuteBars(count: number, seed: number, symbol: Symbol): Generator<Bar> {
  const calendar = new NyseCalendar();
  const rng = new Rng(seed);
  let price = 100;
  let written = 0;
  let session = calendar.currentOrNextSession(Date.UTC(2020, 0, 2));
  while (written < count) {
    for (let t = session.open; t < session.close && written < count; t += 60_000, written += 1) {
      const open = price;
      const close = Math.max(1, open * (1 + (rng.next() - 0.5) * 0.004));
      const high = Math.max(open, close) * (1 + rng.next() * 0.001);
      const low = Math.min(open, close) * (1 - rng.next() * 0.001);
      price = close;
      yield {
        kind: 'bar', symbol, ts: t, tsEnd: t + 60_000,
        open: r4(open), high: r4(high), low: r4(low), close: r4(close), volume: 1000 + rng.int(9000),
      };
    }
    session = calendar.nextSession(session.open);
  }
}

/** Writes `count` generated minute bars as a generic OHLCV CSV. Deterministic for a seed. */
export async function writeMinuteBars(path: string, count: number, seed: number): Promise<void> {
  const out = createWriteStream(path);
  out.write('timestamp,open,high,low,close,volume\n');
  for (const b of minuteBars(count, seed, 'BENCH' as Symbol)) {
    const line = `${new Date(b.ts).toISOString()},${b.open.toFixed(4)},${b.high.toFixed(4)},${b.low.toFixed(4)},${b.close.toFixed(4)},${b.volume}\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

/** Writes generated minute bars straight into a cache file (valid by construction, so no CSV pass). */
export function writeMinuteCache(outDir: string, symbol: string, count: number, seed: number): Promise<WrittenBarCache> {
  const sym = symbol as Symbol;
  const source: BarSource = {
    path: `generated:${symbol}`, symbol: sym,
    bars: () => ({ [Symbol.asyncIterator]: () => asAsync(minuteBars(count, seed, sym)) }),
  };
  return writeBarCache(source, { outDir });
}

function asAsync(it: Generator<Bar>): AsyncIterator<Bar> {
  return { next: () => Promise.resolve(it.next()), return: () => Promise.resolve(it.return(undefined)) };
}
