import { describe, expect, it } from 'vitest';
import { resumeTrading } from '../../../src/cli/resume-command.js';
import { Journal } from '../../../src/execution/index.js';
import { memoryLog } from '../../support/backtest-settings.js';
import { tempFile } from '../../support/temp-dir.js';
import { minuteBars, OPEN, recordingStrategy, runPaper, sawBar, startRig, stopper } from './session-rig.js';

const MINUTE = 60_000;

describe('paper session: loss limit halts, and the halt survives a restart until resume', () => {
  it('halts on the daily loss limit, denies entries TRADING_HALTED after a restart, and trades again after resume', async () => {
    const journalPath = tempFile('halt-', 'j.db');
    const rig = await startRig(minuteBars(['SIMA'], OPEN, 12, (i) => 100 - 5 * i));
    try {
      const first = recordingStrategy(['SIMA'], (b) => b.ts === OPEN);
      const s1 = stopper();
      const run1 = runPaper(rig, { strategy: first.strategy, stop: s1.stop, journalPath, risk: { dailyLossLimit: 1, marketHoursCheck: false } });
      await rig.subscribed(1);
      for (let i = 0; i < 5; i += 1) await rig.feed.step();
      await sawBar(first.seen, 'SIMA', OPEN + 3 * MINUTE);
      s1.fire();
      await run1;
      const j = Journal.open(journalPath, { now: () => 0 });
      expect(j.tradingState()?.status).toBe('HALTED');
      j.close();

      const log = memoryLog();
      const second = recordingStrategy(['SIMA'], () => true);
      const s2 = stopper();
      const run2 = runPaper(rig, { strategy: second.strategy, stop: s2.stop, journalPath, log, risk: { dailyLossLimit: 1, marketHoursCheck: false } });
      for (let i = 5; i < 8; i += 1) await rig.feed.step();
      await sawBar(second.seen, 'SIMA', OPEN + 6 * MINUTE);
      s2.fire();
      await run2;
      const denied = second.seen.orders.filter((e) => e.type === 'OrderDenied');
      expect(denied.length).toBeGreaterThan(0);
      expect(denied.every((e) => e.type === 'OrderDenied' && e.reason.code === 'TRADING_HALTED')).toBe(true);
      expect(log.lines.some((l) => l.includes('trading is HALTED'))).toBe(true);

      expect(resumeTrading(journalPath, 'ops', () => 1).previous?.status).toBe('HALTED');
    } finally {
      await rig.close();
    }
  });
});
