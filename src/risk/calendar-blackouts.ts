import type { EpochMs, Symbol } from '../core/index.js';

/** A span `[start, end)` in which new entries are refused, market-wide or for one symbol. */
export interface BlackoutWindow {
  readonly start: EpochMs;
  readonly end: EpochMs;
  /** What the window is for, e.g. `CPI` or `AAPL earnings`. */
  readonly reason: string;
  /** Present for earnings windows; absent windows apply to every symbol. */
  readonly symbol?: Symbol;
}

/** Answers whether a symbol is blacked out at a time (the calendar feed keeps the windows). */
export interface CalendarBlackouts {
  /** Returns a window covering `symbol` at `now`, or `undefined` when there is none. */
  activeWindow(symbol: Symbol, now: EpochMs): BlackoutWindow | undefined;
}
