import { describe, it, expect } from 'vitest';
import { isRunnerError } from '../../../../src/core/index.js';
import {
  barEnd, calendarsFixtures, chartHistorySchema, chartHistoryToBars, earningsCalendarSchema, economicsCalendarSchema,
} from './fixtures.js';

describe('chart history', () => {
  it('maps the documented ok body to bars with ts from seconds and tsEnd = ts + resolution', () => {
    const body = chartHistorySchema.parse({ s: 'ok', t: [1672531200, 1672534800, 1672538400], o: [129.93, 130.15, 130.89], h: [130.28, 131.05, 131.37], l: [129.88, 130.09, 130.81], c: [130.15, 130.89, 131.24], v: [1234567, 1345678, 1456789], nextTime: 1672542000 });
    const bars = chartHistoryToBars(body, 'aapl', '60');
    expect(bars).toHaveLength(3);
    expect(bars[0]).toEqual({ kind: 'bar', symbol: 'AAPL', ts: 1672531200000, tsEnd: 1672534800000, open: 129.93, high: 130.28, low: 129.88, close: 130.15, volume: 1234567 });
  });
  it('returns [] for no_data and throws ARIES_ERR_CHART_HISTORY with errmsg for error', () => {
    expect(chartHistoryToBars(chartHistorySchema.parse({ s: 'no_data', nextTime: 1672542000 }), 'AAPL', 'D')).toEqual([]);
    let caught: unknown;
    try { chartHistoryToBars(chartHistorySchema.parse({ s: 'error', errmsg: 'bad symbol' }), 'AAPL', 'D'); } catch (e) { caught = e; }
    expect(isRunnerError(caught, 'ARIES_ERR_CHART_HISTORY')).toBe(true);
    expect((caught as Error).message).toContain('bad symbol');
  });
  it.each([
    ['unequal arrays', { s: 'ok', t: [1, 2], o: [1], h: [1, 1], l: [1, 1], c: [1, 1] }],
    ['NaN-free but string price', { s: 'ok', t: [1], o: ['1'], h: [1], l: [1], c: [1] }],
    ['decreasing times', { s: 'ok', t: [2, 1], o: [1, 1], h: [1, 1], l: [1, 1], c: [1, 1] }],
    ['unknown status', { s: 'maybe' }],
    ['missing t', { s: 'ok', o: [1], h: [1], l: [1], c: [1] }],
  ])('refuses %s', (_n, body) => {
    expect(chartHistorySchema.safeParse(body).success).toBe(false);
  });
  it('computes bar ends for minutes, seconds, days, weeks and months; refuses ticks', () => {
    const t0 = Date.UTC(2024, 0, 31, 5);
    expect(barEnd(t0, '5')).toBe(t0 + 300_000);
    expect(barEnd(t0, '30S')).toBe(t0 + 30_000);
    expect(barEnd(t0, '1D')).toBe(t0 + 86_400_000);
    expect(barEnd(t0, 'W')).toBe(t0 + 7 * 86_400_000);
    expect(barEnd(Date.UTC(2024, 0, 1, 5), '3M')).toBe(Date.UTC(2024, 3, 1, 5));
    expect(() => barEnd(t0, '1T')).toThrow(/unsupported chart resolution/);
    expect(() => barEnd(t0, '0')).toThrow();
  });
});

describe('calendars', () => {
  it('parses earnings with nulls and the economics wrapper', () => {
    const e = earningsCalendarSchema.parse(calendarsFixtures.earnings);
    expect(e[0]?.epsActual).toBeNull();
    const ec = economicsCalendarSchema.parse(calendarsFixtures.economics);
    expect(ec.events[0]?.event).toBe('Non Farm Payrolls');
    expect(economicsCalendarSchema.parse({})).toEqual({ events: [], importantDates: [] });
  });
  it('refuses an earnings row without symbol and an economic event with a string importance', () => {
    expect(earningsCalendarSchema.safeParse([{ date: '2026-01-15' }]).success).toBe(false);
    expect(economicsCalendarSchema.safeParse({ events: [{ date: '2026-01-15', event: 'CPI', importance: 'high' }] }).success).toBe(false);
  });
});
