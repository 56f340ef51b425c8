import { describe, expect, it } from 'vitest';
import { monthlyReturns } from '../../../../src/report/index.js';

describe('monthlyReturns', () => {
  // Hand-computed: start 1000; Nov 2023 ends 1100 (+10 %), Dec 2023 ends 990 (−10 %),
  // Jan 2024 has no trading day, Feb 2024 ends 1089 (+10 % over Dec's 990).
  const days = [
    { date: '2023-11-15', equity: 1050 },
    { date: '2023-11-30', equity: 1100 },
    { date: '2023-12-01', equity: 1200 },
    { date: '2023-12-29', equity: 990 },
    { date: '2024-02-01', equity: 1000 },
    { date: '2024-02-29', equity: 1089 },
  ];
  const table = monthlyReturns(days, 1000);

  it('measures each month from the previous traded month-end, the first from the starting cash', () => {
    expect(table.map((y) => y.year)).toEqual([2023, 2024]);
    const y2023 = table[0]?.months ?? [];
    expect(y2023.slice(0, 10)).toEqual(Array(10).fill(null));
    expect(y2023[10]).toBeCloseTo(0.1, 12);
    expect(y2023[11]).toBeCloseTo(-0.1, 12);
    const y2024 = table[1]?.months ?? [];
    expect(y2024[0]).toBeNull();
    expect(y2024[1]).toBeCloseTo(0.1, 12);
    expect(y2024.slice(2)).toEqual(Array(10).fill(null));
  });

  it('gives year totals that compound the months, and all years compound to final / start', () => {
    expect(table[0]?.total).toBeCloseTo(990 / 1000 - 1, 12);
    expect(table[1]?.total).toBeCloseTo(1089 / 990 - 1, 12);
    const growth = table.reduce((g, y) => g * (1 + y.total), 1);
    expect(growth).toBeCloseTo(1089 / 1000, 12);
    const fromMonths = (table[0]?.months ?? []).concat(table[1]?.months ?? []).reduce<number>((g, m) => g * (1 + (m ?? 0)), 1);
    expect(fromMonths).toBeCloseTo(1.089, 12);
  });

  it('returns NaN for a month measured from a non-positive base and nothing for no days', () => {
    expect(monthlyReturns([{ date: '2024-01-31', equity: 5 }], 0)[0]?.months[0]).toBeNaN();
    expect(monthlyReturns([], 1000)).toEqual([]);
  });
});
