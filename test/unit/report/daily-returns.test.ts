import { describe, expect, it } from 'vitest';
import { dailyEquity, dailyReturns } from '../../../src/report/index.js';
import { throwsCode } from './throws-code.js';
import { point, utc } from './builders.js';

const NY = 'America/New_York';

describe('dailyEquity', () => {
  it('groups points by New York calendar day even when they cross midnight UTC', () => {
    // EST is UTC−5: 01:00Z and 04:59Z on Jan 3 are 20:00 and 23:59 on Jan 2 in New York;
    // 05:00Z on Jan 3 is midnight Jan 3 New York.
    const days = dailyEquity(
      [
        point(utc(2024, 1, 2, 15), 101),
        point(utc(2024, 1, 3, 1), 102),
        point(utc(2024, 1, 3, 4, 59), 103),
        point(utc(2024, 1, 3, 5), 104),
        point(utc(2024, 1, 3, 21), 105),
      ],
      NY,
    );
    expect(days).toEqual([
      { date: '2024-01-02', equity: 103 },
      { date: '2024-01-03', equity: 105 },
    ]);
  });

  it('groups the same instants differently in UTC, so the zone is honoured', () => {
    const days = dailyEquity([point(utc(2024, 1, 2, 15), 101), point(utc(2024, 1, 3, 1), 102)], 'UTC');
    expect(days.map((d) => d.date)).toEqual(['2024-01-02', '2024-01-03']);
  });

  it('rejects points out of time order, naming the index', () => {
    const call = (): unknown => dailyEquity([point(utc(2024, 1, 3), 1), point(utc(2024, 1, 2), 2)], NY);
    expect(call).toThrow(/equity\[1\]/);
    expect(throwsCode(call, 'REPORT_ERR_UNSORTED_EQUITY')).toBe(true);
  });

  it('rejects an unknown time zone with a coded error', () => {
    const call = (): unknown => dailyEquity([point(utc(2024, 1, 2), 1)], 'Mars/Olympus');
    expect(throwsCode(call, 'REPORT_ERR_INVALID_TIMEZONE')).toBe(true);
  });
});

describe('dailyReturns', () => {
  it('measures the first return from the starting cash and the rest between day ends', () => {
    // Day ends 110, 99, 121 from cash 100: 110/100−1 = 0.1, 99/110−1 = −0.1, 121/99−1 = 2/9.
    const returns = dailyReturns(
      [point(utc(2024, 1, 2, 15), 90), point(utc(2024, 1, 2, 21), 110), point(utc(2024, 1, 3, 21), 99),
        point(utc(2024, 1, 4, 21), 121)],
      NY,
      100,
    );
    expect(returns).toHaveLength(3);
    expect(returns[0]).toBeCloseTo(0.1, 14);
    expect(returns[1]).toBeCloseTo(-0.1, 14);
    expect(returns[2]).toBeCloseTo(2 / 9, 14);
  });

  it('returns nothing for an empty curve', () => {
    expect(dailyReturns([], NY, 100)).toEqual([]);
  });
});
