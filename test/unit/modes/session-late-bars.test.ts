import { from } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { toSymbol, type Bar } from '../../../src/core/index.js';
import { lateBars } from '../../../src/modes/session-late-bars.js';
import { VirtualClock } from '../../../src/time/index.js';
import { memoryLog } from '../../support/backtest-settings.js';

const T = Date.UTC(2024, 2, 4, 15, 0);
const MINUTE = 60_000;

function bar(i: number): Bar {
  return { kind: 'bar', symbol: toSymbol('SIMA'), ts: T + i * MINUTE, tsEnd: T + (i + 1) * MINUTE, open: 1, high: 1, low: 1, close: 1, volume: 1 };
}

/** Delivers bar i when the clock shows `delays[i]` ms after its end. */
function deliver(delays: readonly number[], every?: number): { lines: string[]; count: () => { late: number; worstMs: number }; seen: number } {
  const clock = new VirtualClock(T);
  const log = memoryLog();
  const op = lateBars(clock, 5_000, log, every);
  let seen = 0;
  from(delays.map((d, i) => ({ d, b: bar(i) }))).subscribe(({ d, b }) => {
    clock.advanceTo(b.tsEnd + d);
    from([b]).pipe(op).subscribe(() => (seen += 1));
  });
  return { lines: log.lines, count: op.count, seen };
}

describe('lateBars (T-21: a slow strategy shows up as late bars, never as a growing buffer)', () => {
  it('passes every bar on, counts the late ones and warns when lateness starts, then says when bars are on time again', () => {
    const r = deliver([2_000, 9_000, 12_000, 1_000, 7_000]);
    expect(r.seen).toBe(5);
    expect(r.count()).toEqual({ late: 3, worstMs: 12_000 });
    expect(r.lines.map((l) => l.split(':')[0])).toEqual(['warn late bar SIMA 2024-03-04T15', 'info bars are on time again (2 late so far)', 'warn late bar SIMA 2024-03-04T15']);
    expect(r.lines[0]).toContain('delivered 9000 ms after its end (1 late so far)');
  });

  it('while behind, repeats the warning only every n-th late bar', () => {
    const r = deliver(Array.from({ length: 7 }, () => 6_000), 3);
    expect(r.count().late).toBe(7);
    expect(r.lines.filter((l) => l.startsWith('warn')).map((l) => /\((\d+) late so far\)/.exec(l)?.[1])).toEqual(['1', '3', '6']);
  });
});
