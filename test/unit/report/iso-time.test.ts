import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { endOfDayIn, isoDateIn } from '../../../src/report/iso-time.js';
import { throwsCode } from './throws-code.js';

const zones = fc.constantFrom('America/New_York', 'UTC', 'Europe/London', 'Asia/Kolkata', 'Australia/Lord_Howe', 'America/Santiago');
const instant = fc.integer({ min: Date.UTC(1950, 0, 1), max: Date.UTC(2080, 0, 1) });

describe('isoDateIn and endOfDayIn', () => {
  it('give luxon’s local date and last millisecond of the local day', () => {
    fc.assert(fc.property(zones, instant, (zone, ts) => {
      const local = DateTime.fromMillis(ts, { zone });
      expect(isoDateIn(ts, zone)).toBe(local.toISODate());
      expect(endOfDayIn(ts, zone)).toBe(local.endOf('day').toMillis());
    }), { numRuns: 3000 });
  });

  it('end a New York day at 23:59:59.999 local, also on the 23- and 25-hour days', () => {
    const ny = 'America/New_York';
    expect(isoDateIn(Date.UTC(2024, 0, 3, 4, 59), ny)).toBe('2024-01-02');
    expect(endOfDayIn(Date.UTC(2024, 0, 2, 15), ny)).toBe(Date.UTC(2024, 0, 3, 4, 59, 59, 999));
    expect(endOfDayIn(Date.UTC(2024, 2, 10, 12), ny)).toBe(Date.UTC(2024, 2, 11, 3, 59, 59, 999));
    expect(endOfDayIn(Date.UTC(2024, 10, 3, 12), ny)).toBe(Date.UTC(2024, 10, 4, 4, 59, 59, 999));
  });

  it('reject an unknown zone or an instant out of range with REPORT_ERR_INVALID_TIMEZONE', () => {
    expect(throwsCode(() => isoDateIn(Date.UTC(2024, 0, 2), 'Mars/Olympus'), 'REPORT_ERR_INVALID_TIMEZONE')).toBe(true);
    expect(throwsCode(() => isoDateIn(Date.UTC(2024, 0, 2), ''), 'REPORT_ERR_INVALID_TIMEZONE')).toBe(true);
    expect(throwsCode(() => isoDateIn(Number.NaN, 'UTC'), 'REPORT_ERR_INVALID_TIMEZONE')).toBe(true);
    expect(throwsCode(() => isoDateIn(8.64e15 + 1, 'UTC'), 'REPORT_ERR_INVALID_TIMEZONE')).toBe(true);
    expect(endOfDayIn(Date.UTC(2024, 0, 2), 'Mars/Olympus')).toBeNaN();
  });
});
