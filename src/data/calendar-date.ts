const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** Returns whether year-month-day (month 1–12) names a real Gregorian date from 1900 on. */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (year < 1900 || month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
  return day <= days;
}

const YMD = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Returns whether the text is a real date written `YYYY-MM-DD`. */
export function isYmdDate(text: string): boolean {
  const m = YMD.exec(text);
  return m !== null && isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]));
}
