import { describe, expect, it } from 'vitest';
import { Subject } from 'rxjs';
import type { Symbol } from '../../../../src/core/index.js';
import { StaleFeedMonitor, type FeedHealthEvent } from '../../../../src/data/index.js';
import { NyseCalendar, VirtualClock } from '../../../../src/time/index.js';
import { AAA, BBB, MIN, OPEN } from './helpers.js';

const CLOSE = Date.UTC(2024, 2, 5, 21, 0);
const NEXT_OPEN = Date.UTC(2024, 2, 6, 14, 30);

function setup(start: number, staleMs = 5 * MIN) {
  const clock = new VirtualClock(start);
  const monitor = new StaleFeedMonitor({ symbols: [AAA, BBB], staleMs, clock, calendar: new NyseCalendar() });
  const data = new Subject<{ symbol: Symbol }>();
  const events: FeedHealthEvent[] = [];
  const sub = monitor.watch(data).subscribe((e) => events.push(e));
  const tick = (symbol: Symbol, at: number): void => {
    clock.advanceTo(at);
    data.next({ symbol });
  };
  return { clock, monitor, data, events, tick, sub };
}

describe('StaleFeedMonitor', () => {
  it('goes stale after the window of silence in market hours and resumes when data arrives', () => {
    const s = setup(OPEN);
    s.tick(AAA, OPEN + MIN);
    s.tick(BBB, OPEN + 4 * MIN);
    s.clock.advanceTo(OPEN + 6 * MIN - 1);
    expect(s.events).toEqual([]);
    expect(s.monitor.isStale(AAA)).toBe(false);
    s.clock.advanceTo(OPEN + 6 * MIN);
    expect(s.events).toEqual([{ kind: 'feed', type: 'feedStale', symbol: AAA, sinceMs: OPEN + MIN, ts: OPEN + 6 * MIN }]);
    expect(s.monitor.isStale(AAA)).toBe(true);
    expect(s.monitor.isStale(BBB)).toBe(false);
    s.tick(AAA, OPEN + 7 * MIN);
    expect(s.events.at(-1)).toEqual({ kind: 'feed', type: 'feedResumed', symbol: AAA, sinceMs: OPEN + MIN, ts: OPEN + 7 * MIN });
    expect(s.monitor.isStale(AAA)).toBe(false);
  });

  it('does not go stale while data keeps coming', () => {
    const s = setup(OPEN);
    for (let m = 1; m <= 60; m += 1) {
      s.tick(AAA, OPEN + m * MIN);
      s.tick(BBB, OPEN + m * MIN);
    }
    expect(s.events).toEqual([]);
  });

  it('never goes stale at night, and counts silence from the next open', () => {
    const s = setup(CLOSE - 2 * MIN);
    s.tick(AAA, CLOSE - MIN);
    s.tick(BBB, CLOSE - MIN);
    s.clock.advanceTo(NEXT_OPEN + 2 * MIN);
    s.data.next({ symbol: BBB });
    s.clock.advanceTo(NEXT_OPEN + 5 * MIN - 1);
    expect(s.events).toEqual([]);
    expect(s.monitor.isStale(AAA)).toBe(false);
    s.clock.advanceTo(NEXT_OPEN + 5 * MIN);
    expect(s.events).toEqual([{ kind: 'feed', type: 'feedStale', symbol: AAA, sinceMs: CLOSE - MIN, ts: NEXT_OPEN + 5 * MIN }]);
  });

  it('starting before the weekend, stays quiet until Monday open plus the window', () => {
    const fridayClose = Date.UTC(2024, 2, 8, 21, 0);
    const mondayOpen = Date.UTC(2024, 2, 11, 13, 30); // EDT from 10 March
    const s = setup(fridayClose + MIN);
    s.clock.advanceTo(mondayOpen + 5 * MIN - 1);
    expect(s.events).toEqual([]);
    s.clock.advanceTo(mondayOpen + 5 * MIN);
    expect(s.events.map((e) => [e.type, e.symbol, e.ts])).toEqual([
      ['feedStale', AAA, mondayOpen + 5 * MIN], ['feedStale', BBB, mondayOpen + 5 * MIN],
    ]);
  });

  it('ignores data for symbols it does not watch and stops its timers on unsubscribe', () => {
    const s = setup(OPEN);
    s.tick('ZZZ' as Symbol, OPEN + MIN);
    expect(s.events).toEqual([]);
    s.sub.unsubscribe();
    expect(s.clock.nextDue()).toBeUndefined();
  });

  it('refuses a second concurrent watch and a non-positive window', () => {
    const s = setup(OPEN);
    let error: unknown;
    s.monitor.watch(new Subject<{ symbol: Symbol }>()).subscribe({ error: (e: unknown) => { error = e; } });
    expect(error).toMatchObject({ code: 'DATA_ERR_MONITOR_BUSY' });
    const clock = new VirtualClock(OPEN);
    expect(() => new StaleFeedMonitor({ symbols: [], staleMs: 0, clock, calendar: new NyseCalendar() }))
      .toThrow(expect.objectContaining({ code: 'DATA_ERR_STALE_WINDOW' }));
  });
});
