import { describe, expect, it } from 'vitest';
import { resumeTrading } from '../../../src/cli/resume-command.js';
import { Journal } from '../../../src/execution/index.js';
import { economicEventTime } from '../../../src/modes/session-calendar.js';
import { chartResolution, liveIntervalMs } from '../../../src/modes/session-history.js';
import { tempFile } from '../../support/temp-dir.js';

describe('resumeTrading', () => {
  it('sets a HALTED journal ACTIVE with the reason and reports the previous state', () => {
    const file = tempFile('resume-', 'j.db');
    const j = Journal.open(file, { now: () => 1 });
    j.setTradingState('HALTED', 'daily loss limit', 1);
    j.close();
    const r = resumeTrading(file, 'checked by ops', () => 2);
    expect(r.previous).toEqual({ status: 'HALTED', reason: 'daily loss limit' });
    const again = Journal.open(file, { now: () => 3 });
    expect(again.tradingState()?.status).toBe('ACTIVE');
    expect(again.tradingState()?.reason).toBe('checked by ops');
    again.close();
  });

  it('refuses a journal path that does not exist, creating nothing', () => {
    const file = tempFile('resume-', 'missing.db');
    expect(() => resumeTrading(file, 'x')).toThrow(/no journal there/);
    expect(() => resumeTrading(file, 'x')).toThrow(expect.objectContaining({ code: 'CLI_ERR_JOURNAL' }));
  });
});

describe('session calendar and history helpers', () => {
  it('reads economic date + time as UTC and skips events without a time', () => {
    expect(economicEventTime('2024-03-12', '12:30')).toBe(Date.UTC(2024, 2, 12, 12, 30));
    expect(economicEventTime('2024-03-12', '08:30:15')).toBe(Date.UTC(2024, 2, 12, 8, 30, 15));
    expect(economicEventTime('2024-03-12', undefined)).toBeNaN();
    expect(economicEventTime('2024-03-12', 'All Day')).toBeNaN();
  });

  it('asks chart history for D on session bars and N minutes on interval bars', () => {
    expect(chartResolution({ kind: 'session' })).toBe('D');
    expect(chartResolution({ kind: 'interval', intervalMs: 300_000 })).toBe('5');
    expect(liveIntervalMs({ kind: 'interval', intervalMs: 60_000 })).toBe(60_000);
    expect(liveIntervalMs({ kind: 'session' })).toBe(86_400_000);
  });
});
