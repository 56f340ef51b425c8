import type { EpochMs } from '../core/index.js';

/** One trading session of an exchange, in epoch milliseconds. */
export interface Session {
  /** The session's local date in the exchange's time zone, `YYYY-MM-DD`. */
  readonly date: string;
  /** The regular open (09:30 New York for NYSE), as epoch ms. */
  readonly open: EpochMs;
  /** The regular close (16:00, or 13:00 on an early-close day), as epoch ms. */
  readonly close: EpochMs;
  /** Whether the exchange closes early that day. */
  readonly earlyClose: boolean;
}

/** A closed day and why it is closed. */
export interface Closure {
  /** `YYYY-MM-DD` in the exchange's time zone. */
  readonly date: string;
  readonly name: string;
}

/**
 * An exchange's trading calendar. Sessions are half-open intervals `[open, close)`. Implementations
 * answer in O(1) amortised for times that move forward (the engine asks once per event).
 */
export interface TradingCalendar {
  /** The IANA zone sessions are defined in, e.g. `America/New_York`. */
  readonly timeZone: string;
  /** Returns whether the exchange trades on this local date (`YYYY-MM-DD`). */
  isTradingDay(date: string): boolean;
  /** Returns the session on this local date, or `undefined` on a weekend, holiday or closure. */
  session(date: string): Session | undefined;
  /** Returns whether the regular session is open at `t` (`open ≤ t < close`). */
  isOpen(t: EpochMs): boolean;
  /** Returns the session whose close is strictly after `t`: the current session if one is open, else the next. */
  currentOrNextSession(t: EpochMs): Session;
  /** Returns the first session whose open is strictly after `t`. */
  nextSession(t: EpochMs): Session;
  /** Returns the last session whose close is at or before `t`, or `undefined` before the supported range. */
  previousSession(t: EpochMs): Session | undefined;
  /** Returns the full-day closures (holidays and special closures) of a year, in date order. */
  closures(year: number): readonly Closure[];
}
