import path from 'node:path';
import { filter, firstValueFrom } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { memoryLog } from '../../support/backtest-settings.js';
import { minuteBars, OPEN, recordingStrategy, runPaper, sawBar, startRig, stopper } from './session-rig.js';

const MINUTE = 60_000;
const at = (i: number): number => OPEN + i * MINUTE;

describe('paper session: warm-up and reconnect backfill (T-11)', () => {
  it('delivers warm-up bars first, backfills bars missed while the market socket was down once, and never repeats a bar', async () => {
    const rig = await startRig(minuteBars(['SIMA'], OPEN, 14));
    const { strategy, seen } = recordingStrategy(['SIMA'], () => false);
    const { stop, fire } = stopper();
    const log = memoryLog();
    try {
      // Bars 0–2 happen before the session subscribes: only chart history has them.
      for (let i = 0; i < 3; i += 1) await rig.feed.step();
      const run = runPaper(rig, { strategy, stop, log, journalPath: path.join(rig.dir, 'j.db'), feeds: { warmUpBars: 2 } });
      await rig.subscribed(1);
      for (let i = 3; i < 6; i += 1) await rig.feed.step();
      await sawBar(seen, 'SIMA', at(4));
      const reconnected = firstValueFrom(rig.connection.marketSocket.state$.pipe(filter((e) => e.state === 'resubscribed' && e.connection > 1)));
      expect(rig.sim.sockets?.faults.dropAll()).toBeGreaterThan(0);
      // Bars 6–8 are replayed while the runner is disconnected.
      for (let i = 6; i < 9; i += 1) await rig.feed.step();
      await reconnected;
      await rig.subscribed(2);
      for (let i = 9; i < 12; i += 1) await rig.feed.step();
      await sawBar(seen, 'SIMA', at(10));
      fire();
      await run;

      const starts = seen.bars.map((b) => (b.ts - OPEN) / MINUTE);
      // 0–1: warm-up; 2: in progress at the start (completed from history); 6–8: backfilled.
      expect(starts).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      // The backfilled bars are the complete ones (close = 100 + i), not partial rebuilds.
      expect(seen.bars.map((b) => b.close)).toEqual(starts.map((i) => 100 + i));
      expect(seen.bars.map((b) => b.volume)).toEqual(starts.map(() => 10_000));
      const gaps = log.lines.filter((l) => l.includes('DATA_GAP'));
      expect(gaps.length).toBeGreaterThan(0);
      expect(gaps.join('\n')).toMatch(/SIMA/);
    } finally {
      fire();
      await rig.close();
    }
  });
});
