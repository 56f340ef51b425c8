import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { isRunnerError } from '../../../src/core/index.js';
import { parseIsoDate } from '../../../src/time/civil-date.js';
import { nyseEarlyCloses } from '../../../src/time/nyse-early-closes.js';
import { buildNyseYear } from '../../../src/time/nyse-year.js';

const NY = 'America/New_York';

describe('buildNyseYear', () => {
  it('puts every session 1990–2050 at luxon’s New York open and close instants', () => {
    const wrong: string[] = [];
    let sessions = 0;
    for (let year = 1990; year <= 2050; year++) {
      const early = nyseEarlyCloses(year);
      for (const session of buildNyseYear(year, NY).sessions) {
        const date = parseIsoDate(session.date);
        if (date === undefined) throw new Error(session.date);
        const { hour, minute } = early.get(session.date) ?? { hour: 16, minute: 0 };
        const open = DateTime.fromObject({ ...date, hour: 9, minute: 30 }, { zone: NY }).toMillis();
        const shut = DateTime.fromObject({ ...date, hour, minute }, { zone: NY }).toMillis();
        if (session.open !== open || session.close !== shut) wrong.push(session.date);
        sessions += 1;
      }
    }
    expect(wrong).toEqual([]);
    expect(sessions).toBeGreaterThan(15_000);
  });

  it('rejects a zone that is not an IANA time zone', () => {
    let caught: unknown;
    try {
      buildNyseYear(2024, 'Mars/Olympus');
    } catch (error) {
      caught = error;
    }
    expect(isRunnerError(caught, 'CALENDAR_ERR_ZONE')).toBe(true);
  });
});
