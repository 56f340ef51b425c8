import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openReplayFeed } from '../../../src/aries-sim/replay/index.js';
import type { Bar, Trade } from '../../../src/core/index.js';
import { tempDir } from '../../support/temp-dir.js';
import { rebuild } from './helpers.js';

let dir = '';

beforeAll(async () => {
  dir = tempDir('sim-replay-');
  const yahoo = ['Date,Open,High,Low,Close,Adj Close,Volume', '2024-01-02,187.15,188.44,183.89,185.64,185.64,82488700', '2024-01-03,184.22,185.88,183.43,184.25,184.25,58414500'];
  await writeFile(join(dir, 'AAPL.csv'), `${yahoo.join('\n')}\n`);
  const bad = ['Date,Open,High,Low,Close,Adj Close,Volume', '2024-01-02,187.15,188.44,183.89,185.64,185.64,82488700', '2024-01-03,184.22,180.00,183.43,184.25,184.25,58414500'];
  await writeFile(join(dir, 'BAD.csv'), `${bad.join('\n')}\n`);
});

describe('openReplayFeed', () => {
  it('replays Yahoo daily bars in NYSE session times and rebuilds them from trades', async () => {
    const feed = await openReplayFeed({ files: [join(dir, 'AAPL.csv')], seed: 4 });
    const bars: Bar[] = [];
    const trades: Trade[] = [];
    feed.bars$.subscribe((b) => bars.push(b));
    feed.ticks$.subscribe((t) => {
      if (t.kind === 'trade') trades.push(t);
    });
    expect(await feed.runToEnd()).toBe(2);
    expect(bars.map((b) => [b.ts, b.tsEnd])).toEqual([
      [Date.UTC(2024, 0, 2, 14, 30), Date.UTC(2024, 0, 2, 21, 0)],
      [Date.UTC(2024, 0, 3, 14, 30), Date.UTC(2024, 0, 3, 21, 0)],
    ]);
    for (const bar of bars) expect(rebuild(trades, bar)).toEqual(bar);
  });

  it('validates every file before replaying: a bad row fails with file:line', async () => {
    await expect(openReplayFeed({ files: [join(dir, 'AAPL.csv'), join(dir, 'BAD.csv')], seed: 1 })).rejects.toThrow(/BAD\.csv:3/);
  });
});
