import { describe, expect, it } from 'vitest';
import type { CalendarEvent } from '../../../../src/core/index.js';
import {
  CalendarEventSource, earningsTime, sessionEvents, type CalendarPorts, type EarningsRecord, type EconomicRecord,
} from '../../../../src/data/index.js';
import { NyseCalendar, VirtualClock } from '../../../../src/time/index.js';
import { AAA, MIN, settle } from './helpers.js';

const HOUR = 60 * MIN;
const ZONE = 'America/New_York';
/** 2024-03-05 06:00 New York (EST). */
const START = Date.UTC(2024, 2, 5, 11, 0);
const CPI = Date.UTC(2024, 2, 5, 13, 30);

function fakePorts(earnings: EarningsRecord[], economics: Record<string, EconomicRecord[]>) {
  const calls = { earnings: [] as Array<[string, string]>, economics: [] as string[] };
  const ports: CalendarPorts = {
    fetchEarnings: (from, to) => {
      calls.earnings.push([from, to]);
      return Promise.resolve([...earnings]);
    },
    fetchEconomics: (date) => {
      calls.economics.push(date);
      return Promise.resolve(economics[date] ?? []);
    },
  };
  return { ports, calls };
}

function setup(ports: CalendarPorts, extra: Partial<{ onFetchError: (e: unknown) => void }> = {}, start = START) {
  const clock = new VirtualClock(start);
  const source = new CalendarEventSource({ clock, calendar: new NyseCalendar(), ports, refreshMs: HOUR, ...extra });
  const seen: Array<[CalendarEvent, number]> = [];
  const sub = source.events().subscribe((e) => seen.push([e, clock.now()]));
  const releases = () => seen.filter(([e]) => e.type === 'EarningsReleased' || e.type === 'EconomicRelease');
  return { clock, source, seen, releases, sub };
}

/** Advances hour by hour, letting each refresh's fetch settle. */
async function advanceHours(clock: VirtualClock, to: number): Promise<void> {
  for (let t = clock.now(); t < to; t = Math.min(to, t + HOUR)) {
    clock.advanceTo(t);
    await settle();
  }
  clock.advanceTo(to);
  await settle();
}

describe('CalendarEventSource', () => {
  it('delivers earnings and economic releases once, at their time, though fetched every hour', async () => {
    const { ports, calls } = fakePorts(
      [{ symbol: 'aaa', date: '2024-03-05', hour: 'amc' }, { symbol: 'BBB', date: '2024-03-05', hour: 'bmo' }],
      { '2024-03-05': [{ name: 'CPI', ts: CPI, importance: 3, country: 'US' }] },
    );
    const s = setup(ports);
    await advanceHours(s.clock, START);
    expect(s.source.upcoming().map((e) => e.name)).toEqual(['earnings bmo', 'CPI', 'earnings amc']);
    await advanceHours(s.clock, Date.UTC(2024, 2, 6, 2, 0));
    expect(calls.earnings.length).toBeGreaterThan(10);
    expect(calls.earnings[0]).toEqual(['2024-03-05', '2024-03-07']);
    expect(s.releases()).toEqual([
      [{ kind: 'calendar', type: 'EarningsReleased', ts: Date.UTC(2024, 2, 5, 13, 0), symbol: 'BBB', name: 'earnings bmo' },
        Date.UTC(2024, 2, 5, 13, 0)],
      [{ kind: 'calendar', type: 'EconomicRelease', ts: CPI, name: 'CPI' }, CPI],
      [{ kind: 'calendar', type: 'EarningsReleased', ts: Date.UTC(2024, 2, 5, 21, 5), symbol: AAA, name: 'earnings amc' },
        Date.UTC(2024, 2, 5, 21, 5)],
    ]);
    expect(s.source.upcoming()).toEqual([]);
  });

  it('does not replay releases already past when first fetched', async () => {
    const { ports } = fakePorts([{ symbol: 'AAA', date: '2024-03-05', hour: 'bmo' }], {
      '2024-03-05': [{ name: 'CPI', ts: CPI }],
    });
    const s = setup(ports, {}, Date.UTC(2024, 2, 5, 15, 0));
    await advanceHours(s.clock, Date.UTC(2024, 2, 5, 20, 0));
    expect(s.releases()).toEqual([]);
    expect(s.source.upcoming()).toEqual([]);
  });

  it('moves a release whose time changed before it was due, and still delivers it once', async () => {
    const earnings: EarningsRecord[] = [{ symbol: 'AAA', date: '2024-03-05', hour: 'amc' }];
    const { ports } = fakePorts(earnings, {});
    const s = setup(ports);
    await advanceHours(s.clock, START + HOUR);
    earnings[0] = { symbol: 'AAA', date: '2024-03-05', hour: 'dmh' };
    await advanceHours(s.clock, Date.UTC(2024, 2, 6, 0, 0));
    expect(s.releases().map(([e, at]) => [e.name, e.ts, at])).toEqual([
      ['earnings dmh', Date.UTC(2024, 2, 5, 17, 0), Date.UTC(2024, 2, 5, 17, 0)],
    ]);
  });

  it('reports a failing port and still schedules what the other returned', async () => {
    const errors: unknown[] = [];
    const ports: CalendarPorts = {
      fetchEarnings: () => Promise.reject(new Error('down')),
      fetchEconomics: (d) => Promise.resolve(d === '2024-03-05' ? [{ name: 'CPI', ts: CPI }] : []),
    };
    const s = setup(ports, { onFetchError: (e) => errors.push(e) });
    await advanceHours(s.clock, START);
    expect(errors).toHaveLength(1);
    expect(s.source.upcoming().map((e) => e.name)).toEqual(['CPI']);
  });

  it('merges session open and close events, in order, and stops everything on unsubscribe', async () => {
    const { ports } = fakePorts([], {});
    const s = setup(ports);
    await advanceHours(s.clock, Date.UTC(2024, 2, 7, 0, 0));
    const sessions = s.seen.filter(([e]) => e.type === 'SessionOpened' || e.type === 'SessionClosed');
    expect(sessions.map(([e, at]) => [e.type, e.ts, at])).toEqual([
      ['SessionOpened', Date.UTC(2024, 2, 5, 14, 30), Date.UTC(2024, 2, 5, 14, 30)],
      ['SessionClosed', Date.UTC(2024, 2, 5, 21, 0), Date.UTC(2024, 2, 5, 21, 0)],
      ['SessionOpened', Date.UTC(2024, 2, 6, 14, 30), Date.UTC(2024, 2, 6, 14, 30)],
      ['SessionClosed', Date.UTC(2024, 2, 6, 21, 0), Date.UTC(2024, 2, 6, 21, 0)],
    ]);
    s.sub.unsubscribe();
    expect(s.clock.nextDue()).toBeUndefined();
  });
});

describe('CalendarEventSource after unsubscribe', () => {
  it('schedules nothing from a fetch that settles after the unsubscribe', async () => {
    let release: (records: readonly EarningsRecord[]) => void = () => undefined;
    const ports: CalendarPorts = {
      fetchEarnings: () => new Promise((resolve) => { release = resolve; }),
      fetchEconomics: () => Promise.resolve([]),
    };
    const s = setup(ports);
    s.clock.advanceTo(START);
    s.sub.unsubscribe();
    release([{ symbol: 'AAA', date: '2024-03-05', hour: 'amc' }]);
    await settle();
    expect(s.source.upcoming()).toEqual([]);
    expect(s.clock.nextDue()).toBeUndefined();
  });
});

describe('sessionEvents', () => {
  it('includes an open at exactly the start, skips a holiday, and names an early close', () => {
    // 2024-07-03 opens 09:30 EDT and closes early at 13:00; 07-04 is a holiday.
    const open = Date.UTC(2024, 6, 3, 13, 30);
    const clock = new VirtualClock(open);
    const seen: Array<[string, number, string]> = [];
    sessionEvents(new NyseCalendar(), clock).subscribe((e) => seen.push([e.type, e.ts, e.name]));
    clock.advanceTo(Date.UTC(2024, 6, 5, 14, 0));
    expect(seen).toEqual([
      ['SessionOpened', open, 'regular session (early close)'],
      ['SessionClosed', Date.UTC(2024, 6, 3, 17, 0), 'regular session (early close)'],
      ['SessionOpened', Date.UTC(2024, 6, 5, 13, 30), 'regular session'],
    ]);
  });
});

describe('earningsTime', () => {
  it('maps bmo, amc, dmh and HH:MM to New York times across DST', () => {
    expect(earningsTime('2024-03-05', 'bmo', ZONE)).toBe(Date.UTC(2024, 2, 5, 13, 0));
    expect(earningsTime('2024-07-01', 'bmo', ZONE)).toBe(Date.UTC(2024, 6, 1, 12, 0));
    expect(earningsTime('2024-07-01', 'AMC', ZONE)).toBe(Date.UTC(2024, 6, 1, 20, 5));
    expect(earningsTime('2024-07-01', 'dmh', ZONE)).toBe(Date.UTC(2024, 6, 1, 16, 0));
    expect(earningsTime('2024-07-01', '07:15', ZONE)).toBe(Date.UTC(2024, 6, 1, 11, 15));
  });

  it('takes an unknown hour as bmo and rejects a bad date', () => {
    expect(earningsTime('2024-07-01', '', ZONE)).toBe(Date.UTC(2024, 6, 1, 12, 0));
    expect(earningsTime('2024-07-01', '25:00', ZONE)).toBe(Date.UTC(2024, 6, 1, 12, 0));
    expect(earningsTime('2024-02-30', 'bmo', ZONE)).toBeUndefined();
    expect(earningsTime('20240701', 'bmo', ZONE)).toBeUndefined();
  });
});
