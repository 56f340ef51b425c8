import { describe, expect, it } from 'vitest';
import {
  Weekday,
  dayOfWeek,
  formatIsoDate,
  fromEpochDay,
  lastWeekdayOfMonth,
  nthWeekdayOfMonth,
  parseIsoDate,
  toEpochDay,
  utcYearOf,
} from '../../../src/time/civil-date.js';
import { easterSunday } from '../../../src/time/easter.js';

describe('civil dates', () => {
  it('round-trips epoch days across leap years and before 1970', () => {
    for (let day = -30_000; day <= 40_000; day += 17) {
      expect(toEpochDay(fromEpochDay(day))).toBe(day);
    }
    expect(fromEpochDay(0)).toEqual({ year: 1970, month: 1, day: 1 });
    expect(fromEpochDay(toEpochDay({ year: 2024, month: 2, day: 29 }))).toEqual({ year: 2024, month: 2, day: 29 });
  });

  it('knows weekdays and nth/last weekdays of a month', () => {
    expect(dayOfWeek({ year: 2024, month: 3, day: 8 })).toBe(Weekday.FRIDAY);
    expect(dayOfWeek({ year: 1969, month: 7, day: 20 })).toBe(Weekday.SUNDAY);
    expect(nthWeekdayOfMonth(2024, 11, Weekday.THURSDAY, 4)).toEqual({ year: 2024, month: 11, day: 28 });
    expect(nthWeekdayOfMonth(2024, 9, Weekday.MONDAY, 1)).toEqual({ year: 2024, month: 9, day: 2 });
    expect(lastWeekdayOfMonth(2024, 5, Weekday.MONDAY)).toEqual({ year: 2024, month: 5, day: 27 });
    expect(lastWeekdayOfMonth(2021, 5, Weekday.MONDAY)).toEqual({ year: 2021, month: 5, day: 31 });
  });

  it('parses only real YYYY-MM-DD dates and formats them back', () => {
    expect(parseIsoDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(parseIsoDate('2023-02-29')).toBeUndefined();
    expect(parseIsoDate('2024-13-01')).toBeUndefined();
    expect(parseIsoDate('2024-01-1')).toBeUndefined();
    expect(formatIsoDate({ year: 1996, month: 4, day: 5 })).toBe('1996-04-05');
  });

  it('finds the UTC year of an instant at the year boundary', () => {
    expect(utcYearOf(Date.parse('2024-12-31T23:59:59.999Z'))).toBe(2024);
    expect(utcYearOf(Date.parse('2025-01-01T00:00:00Z'))).toBe(2025);
  });
});

describe('easterSunday', () => {
  it.each([
    [1990, 4, 15],
    [1996, 4, 7],
    [2000, 4, 23],
    [2008, 3, 23],
    [2019, 4, 21],
    [2024, 3, 31],
    [2025, 4, 20],
    [2027, 3, 28],
    [2038, 4, 25],
  ])('Easter %i is %i/%i', (year, month, day) => {
    expect(easterSunday(year)).toEqual({ year, month, day });
  });
});
