import type { EpochMs, Symbol } from '../core/index.js';
import type { TradingCalendar } from '../time/index.js';
import type { FeedHealth } from './feed-health.js';

/**
 * A FeedHealth from quote times: a symbol is stale when the regular session is open and no quote
 * arrived within `staleMs` (since its last quote, or since the open when that is later, so a
 * quiet pre-market does not count). A symbol never quoted reads stale once the window has passed
 * after the open: no data, no new entries. Outside the session nothing is stale.
 */
export class QuoteFreshness implements FeedHealth {
  private readonly lastQuote = new Map<Symbol, EpochMs>();

  constructor(
    private readonly staleMs: number,
    private readonly calendar: TradingCalendar,
  ) {}

  /** Records that a quote (or trade) for `symbol` arrived at `ts`. */
  noteQuote(symbol: Symbol, ts: EpochMs): void {
    const prev = this.lastQuote.get(symbol);
    if (prev === undefined || ts > prev) this.lastQuote.set(symbol, ts);
  }

  /** Returns whether `symbol` has had no quote for longer than the window during the session. */
  isStale(symbol: Symbol, now: EpochMs): boolean {
    if (!this.calendar.isOpen(now)) return false;
    const open = this.calendar.currentOrNextSession(now).open;
    const last = Math.max(this.lastQuote.get(symbol) ?? open, open);
    return now - last > this.staleMs;
  }
}
