import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { NyseCalendar, Rng } from '../src/time/index.js';

/**
 * Writes `count` one-minute bars of a seeded random walk, inside NYSE regular sessions from
 * 2020-01-02 on, as a generic OHLCV CSV. Deterministic for a seed.
 */
export async function writeMinuteBars(path: string, count: number, seed: number): Promise<void> {
  const calendar = new NyseCalendar();
  const rng = new Rng(seed);
  const out = createWriteStream(path);
  out.write('timestamp,open,high,low,close,volume\n');
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
      const line = `${new Date(t).toISOString()},${open.toFixed(4)},${high.toFixed(4)},${low.toFixed(4)},${close.toFixed(4)},${1000 + rng.int(9000)}\n`;
      if (!out.write(line)) await once(out, 'drain');
    }
    session = calendar.nextSession(session.open);
  }
  out.end();
  await once(out, 'finish');
}
