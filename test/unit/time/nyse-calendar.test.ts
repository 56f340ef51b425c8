import { describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { isRunnerError } from '../../../src/core/index.js';
import { NyseCalendar } from '../../../src/time/nyse-calendar.js';

const utc = (iso: string): number => Date.parse(iso);
const cal = new NyseCalendar();

function expectCode(fn: () => unknown, code: string): void {
  let caught: unknown;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  expect(isRunnerError(caught, code), `expected RunnerError ${code}, got ${String(caught)}`).toBe(true);
}

describe('NyseCalendar closed days', () => {
  it.each([
    ['2025-01-09', 'Carter national day of mourning'],
    ['2022-06-20', 'Juneteenth observed (Sunday → Monday)'],
    ['2023-06-19', 'Juneteenth'],
    ['2027-06-18', 'Juneteenth observed (Saturday → Friday)'],
    ['2001-09-11', '9/11'],
    ['2001-09-12', '9/11'],
    ['2001-09-13', '9/11'],
    ['2001-09-14', '9/11'],
    ['1994-04-27', 'Nixon funeral'],
    ['2004-06-11', 'Reagan'],
    ['2007-01-02', 'Ford'],
    ['2012-10-29', 'Hurricane Sandy'],
    ['2012-10-30', 'Hurricane Sandy'],
    ['2018-12-05', 'G. H. W. Bush'],
    ['1996-04-05', 'Good Friday'],
    ['2024-03-29', 'Good Friday'],
    ['2027-03-26', 'Good Friday'],
    ['1998-01-19', 'first NYSE MLK Day'],
    ['2024-01-15', 'MLK Day'],
    ['2024-02-19', "Washington's Birthday"],
    ['2024-05-27', 'Memorial Day'],
    ['2024-09-02', 'Labor Day'],
    ['2024-11-28', 'Thanksgiving'],
    ['2024-12-25', 'Christmas'],
    ['2021-12-24', 'Christmas observed (Saturday → Friday)'],
    ['2022-12-26', 'Christmas observed (Sunday → Monday)'],
    ['2023-01-02', "New Year's Day observed (Sunday → Monday)"],
    ['2026-07-03', 'Independence Day observed (Saturday → Friday)'],
    ['2027-07-05', 'Independence Day observed (Sunday → Monday)'],
    ['2024-03-09', 'Saturday'],
    ['2024-03-10', 'Sunday'],
  ])('%s is closed (%s)', (date) => {
    expect(cal.isTradingDay(date)).toBe(false);
    expect(cal.session(date)).toBeUndefined();
  });
});

describe('NyseCalendar open days', () => {
  it.each([
    ['2021-12-31', "New Year's Day 2022 on a Saturday is not observed"],
    ['2010-12-31', "New Year's Day 2011 on a Saturday is not observed"],
    ['1999-12-31', "New Year's Day 2000 on a Saturday is not observed"],
    ['2021-06-18', 'no Juneteenth before 2022'],
    ['1997-01-20', 'no MLK Day before 1998'],
    ['2001-09-17', 'reopening after 9/11'],
    ['2012-10-31', 'reopening after Sandy'],
    ['2025-01-10', 'day after the Carter closure'],
    ['2026-07-02', 'Thursday before an observed Friday July 3'],
    ['2024-03-28', 'Thursday before Good Friday'],
    ['2024-03-08', 'ordinary Friday'],
  ])('%s is a trading day (%s)', (date) => {
    expect(cal.isTradingDay(date)).toBe(true);
    expect(cal.session(date)?.date).toBe(date);
  });
});

describe('NyseCalendar session times', () => {
  it.each([
    ['2024-03-08', '2024-03-08T14:30:00Z', '2024-03-08T21:00:00Z', 'EST before spring-forward'],
    ['2024-03-11', '2024-03-11T13:30:00Z', '2024-03-11T20:00:00Z', 'EDT after spring-forward'],
    ['2024-11-01', '2024-11-01T13:30:00Z', '2024-11-01T20:00:00Z', 'EDT before fall-back'],
    ['2024-11-04', '2024-11-04T14:30:00Z', '2024-11-04T21:00:00Z', 'EST after fall-back'],
    ['1996-07-01', '1996-07-01T13:30:00Z', '1996-07-01T20:00:00Z', '1990s EDT'],
  ])('%s opens %s and closes %s (%s)', (date, open, close) => {
    expect(cal.session(date)).toEqual({ date, open: utc(open), close: utc(close), earlyClose: false });
  });

  it.each([
    ['2024-11-29', '2024-11-29T18:00:00Z', 'day after Thanksgiving'],
    ['2024-12-24', '2024-12-24T18:00:00Z', 'Christmas Eve'],
    ['2013-07-03', '2013-07-03T17:00:00Z', 'Wednesday July 3 (from 2013)'],
    ['2019-07-03', '2019-07-03T17:00:00Z', 'Wednesday July 3'],
    ['2023-07-03', '2023-07-03T17:00:00Z', 'Monday July 3'],
    ['2024-07-03', '2024-07-03T17:00:00Z', 'Wednesday July 3'],
    ['2025-07-03', '2025-07-03T17:00:00Z', 'Thursday July 3'],
    ['2018-07-03', '2018-07-03T17:00:00Z', 'Tuesday July 3'],
    ['1995-07-03', '1995-07-03T17:00:00Z', 'first July 3 early close'],
    ['2002-07-05', '2002-07-05T17:00:00Z', 'Friday after a Thursday July 4 (before 2013)'],
    ['1996-07-05', '1996-07-05T17:00:00Z', 'Friday after a Thursday July 4 (before 2013)'],
    ['1997-12-26', '1997-12-26T18:00:00Z', 'Friday after Christmas 1997'],
    ['2003-12-26', '2003-12-26T18:00:00Z', 'Friday after Christmas 2003'],
    ['1992-11-27', '1992-11-27T19:00:00Z', 'first day-after-Thanksgiving early close, 14:00'],
    ['1990-12-24', '1990-12-24T19:00:00Z', 'Christmas Eve 1990, 14:00'],
    ['1993-11-26', '1993-11-26T18:00:00Z', 'day after Thanksgiving, 13:00 from 1993'],
  ])('%s closes early at %s (%s)', (date, close) => {
    const session = cal.session(date);
    expect(session?.earlyClose).toBe(true);
    expect(session?.close).toBe(utc(close));
  });

  it.each([
    ['2026-07-02', 'July 4 on a Saturday'],
    ['2020-07-02', 'July 4 on a Saturday'],
    ['2022-07-01', 'July 4 on a Monday'],
    ['2002-07-03', 'Wednesday July 3 before 2013'],
    ['2008-12-26', 'Friday after Christmas 2008'],
    ['2014-12-26', 'Friday after Christmas 2014'],
    ['2025-12-26', 'Friday after Christmas 2025'],
    ['2019-07-05', 'Friday after a Thursday July 4 since 2013'],
    ['1991-11-29', 'day after Thanksgiving before 1992'],
    ['1994-07-01', 'no Independence Day early close before 1995'],
  ])('%s is a full day (%s)', (date) => {
    expect(cal.session(date)?.earlyClose).toBe(false);
  });
});

describe('NyseCalendar time lookups', () => {
  const mar11 = cal.session('2024-03-11');
  if (mar11 === undefined) throw new Error('fixture: 2024-03-11 must be a session');

  it('is open from the open inclusive to the close exclusive', () => {
    expect(cal.isOpen(mar11.open - 1)).toBe(false);
    expect(cal.isOpen(mar11.open)).toBe(true);
    expect(cal.isOpen(mar11.close - 1)).toBe(true);
    expect(cal.isOpen(mar11.close)).toBe(false);
    expect(cal.isOpen(utc('2024-03-09T15:00:00Z'))).toBe(false);
    expect(cal.isOpen(utc('2024-11-29T18:30:00Z'))).toBe(false);
    expect(cal.isOpen(utc('2024-11-29T17:59:59Z'))).toBe(true);
  });

  it.each([
    ['2024-03-08T21:00:00Z', '2024-03-11', 'Friday at the close → Monday'],
    ['2024-03-09T12:00:00Z', '2024-03-11', 'Saturday → Monday'],
    ['2024-01-12T22:00:00Z', '2024-01-16', 'Friday before MLK Day → Tuesday'],
    ['2024-03-28T20:00:00Z', '2024-04-01', 'Thursday close before Good Friday → Monday'],
    ['2024-03-11T15:00:00Z', '2024-03-11', 'during a session → that session'],
    ['2024-03-11T05:00:00Z', '2024-03-11', 'before the open → same day'],
    ['2024-12-31T21:00:00Z', '2025-01-02', 'across the year end'],
    ['2001-09-10T22:00:00Z', '2001-09-17', 'across the 9/11 closure'],
  ])('currentOrNextSession(%s) is %s (%s)', (t, date) => {
    expect(cal.currentOrNextSession(utc(t)).date).toBe(date);
  });

  it.each([
    ['2024-03-11T13:29:59Z', '2024-03-11', 'just before the open → same day'],
    ['2024-03-11T13:30:00Z', '2024-03-12', 'at the open → next day (strictly after)'],
    ['2024-03-11T15:00:00Z', '2024-03-12', 'during a session → next day'],
    ['2024-03-08T18:00:00Z', '2024-03-11', 'Friday session → Monday'],
    ['2024-12-31T15:00:00Z', '2025-01-02', 'across the year end'],
  ])('nextSession(%s) is %s (%s)', (t, date) => {
    expect(cal.nextSession(utc(t)).date).toBe(date);
  });

  it.each([
    ['2024-03-11T20:00:00Z', '2024-03-11', 'at the close → that session'],
    ['2024-03-11T19:59:59Z', '2024-03-08', 'just before the close → the previous one'],
    ['2024-03-10T12:00:00Z', '2024-03-08', 'Sunday → Friday'],
    ['2025-01-02T12:00:00Z', '2024-12-31', 'across the year start'],
    ['2001-09-17T12:00:00Z', '2001-09-10', 'across the 9/11 closure'],
  ])('previousSession(%s) is %s (%s)', (t, date) => {
    expect(cal.previousSession(utc(t))?.date).toBe(date);
  });

  it('has no previous session before the first one in range', () => {
    expect(cal.previousSession(utc('1990-01-02T12:00:00Z'))).toBeUndefined();
    expect(cal.previousSession(utc('1985-06-03T15:00:00Z'))).toBeUndefined();
    expect(cal.previousSession(utc('1990-01-02T21:00:00Z'))?.date).toBe('1990-01-02');
  });

  it('answers the same for forward scans (cursor) as for scattered queries', () => {
    const scanned = new NyseCalendar();
    const scattered = new NyseCalendar();
    const start = utc('2024-06-28T00:00:00Z');
    const step = 7 * 60_000;
    const times = Array.from({ length: 3000 }, (_, i) => start + i * step);
    const forward = times.map((t) => [scanned.isOpen(t), scanned.currentOrNextSession(t).date]);
    // A fixed stride through the indices visits the same times out of order.
    const order = times.map((_, i) => (i * 1237) % times.length);
    const shuffled = new Array<unknown>(times.length);
    for (const i of order) {
      const t = times[i] ?? 0;
      shuffled[i] = [scattered.isOpen(t), scattered.currentOrNextSession(t).date];
    }
    expect(shuffled).toEqual(forward);
    expect(forward.filter(([open]) => open === true).length).toBeGreaterThan(0);
  });
});

describe('NyseCalendar years', () => {
  it.each([
    [2001, 248],
    [2012, 250],
    [2016, 252],
    [2017, 251],
    [2018, 251],
    [2019, 252],
    [2020, 253],
    [2021, 252],
    [2022, 251],
    [2023, 250],
    [2024, 252],
    [2025, 250],
  ])('%i has %i trading days', (year, count) => {
    let days = 0;
    for (let d = DateTime.utc(year, 1, 1); d.year === year; d = d.plus({ days: 1 })) {
      if (cal.isTradingDay(d.toISODate() ?? '')) days++;
    }
    expect(days).toBe(count);
  });

  it('lists the closures of 2022 in date order, without the unobserved Saturday New Year', () => {
    expect(cal.closures(2022).map((c) => c.date)).toEqual([
      '2022-01-17',
      '2022-02-21',
      '2022-04-15',
      '2022-05-30',
      '2022-06-20',
      '2022-07-04',
      '2022-09-05',
      '2022-11-24',
      '2022-12-26',
    ]);
  });

  it('names holidays and special closures', () => {
    const names = new Map(cal.closures(2025).map((c) => [c.date, c.name]));
    expect(names.get('2025-01-09')).toMatch(/Carter/);
    expect(names.get('2025-04-18')).toBe('Good Friday');
    expect(cal.closures(2001).filter((c) => c.date.startsWith('2001-09-1'))).toHaveLength(4);
  });

  it('builds sessions dated by their New York open, in order and without overlap', () => {
    for (const year of [1990, 2007, 2024, 2030]) {
      let previousClose = -Infinity;
      for (let d = DateTime.utc(year, 1, 1); d.year === year; d = d.plus({ days: 1 })) {
        const session = cal.session(d.toISODate() ?? '');
        if (session === undefined) continue;
        expect(DateTime.fromMillis(session.open, { zone: 'America/New_York' }).toISODate()).toBe(session.date);
        expect(session.open).toBeGreaterThan(previousClose);
        expect(session.close).toBeGreaterThan(session.open);
        previousClose = session.close;
      }
    }
  });
});

describe('NyseCalendar range and input errors', () => {
  it.each([
    ['session before 1990', () => cal.session('1989-12-29')],
    ['session after the last year', () => cal.session('2051-01-03')],
    ['closures before 1990', () => cal.closures(1989)],
    ['closures of a fractional year', () => cal.closures(2024.5)],
    ['isOpen before 1990', () => cal.isOpen(utc('1989-06-01T15:00:00Z'))],
    ['currentOrNextSession past the last session', () => cal.currentOrNextSession(utc('2050-12-31T22:00:00Z'))],
    ['nextSession past the last session', () => cal.nextSession(utc('2050-12-30T15:00:00Z'))],
    ['isOpen at NaN', () => cal.isOpen(Number.NaN)],
  ])('throws CALENDAR_ERR_RANGE for %s', (_label, fn) => {
    expectCode(fn, 'CALENDAR_ERR_RANGE');
  });

  it.each(['2024-02-30', '2024-1-05', '20240105', ''])('throws CALENDAR_ERR_DATE for "%s"', (date) => {
    expectCode(() => cal.isTradingDay(date), 'CALENDAR_ERR_DATE');
  });

  it('answers at the edges of the range', () => {
    expect(cal.session('1990-01-02')?.date).toBe('1990-01-02');
    expect(cal.currentOrNextSession(utc('1990-01-01T12:00:00Z')).date).toBe('1990-01-02');
    expect(cal.isTradingDay('2050-12-30')).toBe(true);
  });
});
