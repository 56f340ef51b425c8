import { describe, expect, it } from 'vitest';
import { maxDrawdown } from '../../../src/report/index.js';

const series = (...values: number[]): { date: string; equity: number }[] =>
  values.map((equity, i) => ({ date: `2024-01-${String(i + 1).padStart(2, '0')}`, equity }));

describe('maxDrawdown', () => {
  it('finds the deepest fall with the dates of its peak and trough', () => {
    // 100, 110, 99, 121: peak 110 (Jan 2) → trough 99 (Jan 3): 99/110 − 1 = −0.1.
    const dd = maxDrawdown(series(100, 110, 99, 121));
    expect(dd?.maxDrawdown).toBeCloseTo(-0.1, 14);
    expect([dd?.start, dd?.end]).toEqual(['2024-01-02', '2024-01-03']);
  });

  it('prefers the deeper of two falls, not the first', () => {
    // 100 → 90 is −0.1; 120 → 90 is 90/120 − 1 = −0.25.
    const dd = maxDrawdown(series(100, 90, 120, 100, 90, 95));
    expect(dd?.maxDrawdown).toBeCloseTo(-0.25, 14);
    expect([dd?.start, dd?.end]).toEqual(['2024-01-03', '2024-01-05']);
  });

  it('counts a fall below the first value (the starting cash)', () => {
    // 100 → 80: −0.2, peak on the first date.
    const dd = maxDrawdown(series(100, 80, 90));
    expect(dd?.maxDrawdown).toBeCloseTo(-0.2, 14);
    expect(dd?.start).toBe('2024-01-01');
  });

  it('dates the fall from the last day at a repeated peak', () => {
    const dd = maxDrawdown(series(100, 110, 110, 99));
    expect(dd?.start).toBe('2024-01-03');
  });

  it('returns null for a series that never falls', () => {
    expect(maxDrawdown(series(100, 100, 101, 105))).toBeNull();
    expect(maxDrawdown([])).toBeNull();
  });
});
