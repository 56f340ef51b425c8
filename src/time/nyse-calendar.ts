import { RunnerError, type EpochMs } from '../core/index.js';
import { parseIsoDate, utcYearOf } from './civil-date.js';
import { buildNyseYear, type NyseYear } from './nyse-year.js';
import type { Closure, Session, TradingCalendar } from './trading-calendar.js';

const ZONE = 'America/New_York';
const FIRST_YEAR = 1990;
const LAST_YEAR = 2050;

/** Returns the index of the first session whose close is after `t`, or `sessions.length`. */
function firstCloseAfter(sessions: readonly Session[], t: EpochMs): number {
  let lo = 0;
  let hi = sessions.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sessions[mid]?.close ?? Infinity) > t) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * The New York Stock Exchange calendar: regular sessions 09:30–16:00 America/New_York, NYSE
 * holidays, special closures and scheduled early closes, for 1990 through 2050. Years past NYSE's
 * published calendar are projected from the current rules. Each year is built once on first use;
 * lookups after that are a cursor check (times moving forward) or a binary search.
 */
export class NyseCalendar implements TradingCalendar {
  readonly timeZone = ZONE;
  /** The first year the calendar answers for. */
  readonly firstYear = FIRST_YEAR;
  /** The last year the calendar answers for. */
  readonly lastYear = LAST_YEAR;

  private readonly years = new Map<number, NyseYear>();
  /** The year and index of the session found by the last time lookup. */
  private cursorYear: NyseYear | undefined;
  private cursorIndex = 0;

  /** Returns whether the exchange trades on this local date (`YYYY-MM-DD`). */
  isTradingDay(date: string): boolean {
    return this.session(date) !== undefined;
  }

  /** Returns the session on this local date, or `undefined` on a weekend, holiday or closure. */
  session(date: string): Session | undefined {
    const parsed = parseIsoDate(date);
    if (parsed === undefined) {
      throw new RunnerError('CALENDAR_ERR_DATE', `date: expected a real date as YYYY-MM-DD, got "${date}"`);
    }
    return this.year(parsed.year).sessionsByDate.get(date);
  }

  /** Returns whether the regular session is open at `t` (`open ≤ t < close`). */
  isOpen(t: EpochMs): boolean {
    return this.locate(t).open <= t;
  }

  /** Returns the session whose close is strictly after `t`: the current session if one is open, else the next. */
  currentOrNextSession(t: EpochMs): Session {
    return this.locate(t);
  }

  /** Returns the first session whose open is strictly after `t`. */
  nextSession(t: EpochMs): Session {
    const current = this.locate(t);
    return current.open > t ? current : this.sessionAfterCursor();
  }

  /** Returns the last session whose close is at or before `t`, or `undefined` before the supported range. */
  previousSession(t: EpochMs): Session | undefined {
    if (Number.isFinite(t) && utcYearOf(t) < FIRST_YEAR) return undefined;
    this.locate(t);
    const table = this.cursorYear;
    if (table === undefined) return undefined;
    if (this.cursorIndex > 0) return table.sessions[this.cursorIndex - 1];
    if (table.year === FIRST_YEAR) return undefined;
    return this.year(table.year - 1).sessions.at(-1);
  }

  /** Returns the full-day closures (holidays and special closures) of a year, in date order. */
  closures(year: number): readonly Closure[] {
    if (!Number.isInteger(year)) throw new RunnerError('CALENDAR_ERR_RANGE', `year: expected an integer, got ${year}`);
    return this.year(year).closures;
  }

  /** Returns the session of the first close after `t`, leaving the cursor on it. */
  private locate(t: EpochMs): Session {
    const table = this.cursorYear;
    if (table !== undefined) {
      const i = this.cursorIndex;
      const current = table.sessions[i];
      const previous = table.sessions[i - 1];
      if (current !== undefined && previous !== undefined && previous.close <= t && t < current.close) return current;
      const next = table.sessions[i + 1];
      if (current !== undefined && next !== undefined && current.close <= t && t < next.close) {
        this.cursorIndex = i + 1;
        return next;
      }
    }
    return this.search(t);
  }

  private search(t: EpochMs): Session {
    if (!Number.isFinite(t)) throw new RunnerError('CALENDAR_ERR_RANGE', `time: expected finite epoch ms, got ${t}`);
    // Sessions lie within one UTC day, so the UTC year of `t` is the year to search first.
    let table = this.year(utcYearOf(t));
    let index = firstCloseAfter(table.sessions, t);
    if (index === table.sessions.length) {
      table = this.year(table.year + 1);
      index = 0;
    }
    return this.moveCursor(table, index);
  }

  private sessionAfterCursor(): Session {
    const table = this.cursorYear;
    if (table === undefined) throw new RunnerError('CALENDAR_ERR_STATE', 'calendar cursor is unset');
    if (this.cursorIndex + 1 < table.sessions.length) return this.moveCursor(table, this.cursorIndex + 1);
    return this.moveCursor(this.year(table.year + 1), 0);
  }

  private moveCursor(table: NyseYear, index: number): Session {
    const session = table.sessions[index];
    if (session === undefined) throw new RunnerError('CALENDAR_ERR_STATE', `no session ${index} in ${table.year}`);
    this.cursorYear = table;
    this.cursorIndex = index;
    return session;
  }

  private year(year: number): NyseYear {
    const cached = this.years.get(year);
    if (cached !== undefined) return cached;
    if (year < FIRST_YEAR || year > LAST_YEAR) {
      throw new RunnerError('CALENDAR_ERR_RANGE', `year ${year} is outside the NYSE calendar's range ${FIRST_YEAR}–${LAST_YEAR}`);
    }
    const built = buildNyseYear(year, ZONE);
    this.years.set(year, built);
    return built;
  }
}
