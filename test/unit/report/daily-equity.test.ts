import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { dailyEquity, type DailyEquity, type EquityPoint } from '../../../src/report/index.js';
import { point, utc } from './builders.js';

/** The grouping as it was done with luxon: each point replaces its day's entry. */
function luxonDailyEquity(points: readonly EquityPoint[], zone: string): DailyEquity[] {
  const days: DailyEquity[] = [];
  let dayEnd = Number.NEGATIVE_INFINITY;
  let date = '';
  for (const p of points) {
    if (p.ts > dayEnd) {
      const local = DateTime.fromMillis(p.ts, { zone });
      date = local.toISODate() ?? 'invalid';
      dayEnd = local.endOf('day').toMillis();
    }
    const last = days.at(-1);
    if (last !== undefined && last.date === date) days[days.length - 1] = { date, equity: p.equity };
    else days.push({ date, equity: p.equity });
  }
  return days;
}

describe('dailyEquity', () => {
  it('groups any sorted curve exactly as the luxon grouping did', () => {
    const zones = fc.constantFrom('America/New_York', 'UTC', 'Australia/Lord_Howe', 'America/Santiago');
    const start = fc.integer({ min: utc(1995, 1, 1), max: utc(2045, 1, 1) });
    // Steps from a minute to three days, so days are skipped, repeated and crossed at every hour.
    const steps = fc.array(fc.integer({ min: 60_000, max: 3 * 86_400_000 }), { maxLength: 200 });
    fc.assert(fc.property(zones, start, steps, (zone, first, gaps) => {
      let ts = first;
      const points = [point(ts, 0)];
      gaps.forEach((gap, i) => {
        ts += gap;
        points.push(point(ts, i + 1));
      });
      expect(dailyEquity(points, zone)).toEqual(luxonDailyEquity(points, zone));
    }), { numRuns: 300 });
  });

  it('keeps each day’s last equity, walking any iterable once', () => {
    function* curve(): Generator<EquityPoint> {
      yield point(utc(2024, 1, 2, 15), 1);
      yield point(utc(2024, 1, 2, 21), 2);
      yield point(utc(2024, 1, 3, 15), 3);
    }
    expect(dailyEquity(curve(), 'America/New_York')).toEqual([
      { date: '2024-01-02', equity: 2 },
      { date: '2024-01-03', equity: 3 },
    ]);
    expect(dailyEquity([], 'America/New_York')).toEqual([]);
  });
});
