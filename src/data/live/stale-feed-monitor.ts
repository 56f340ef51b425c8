import { Observable, type Subscriber, type Subscription } from 'rxjs';
import { RunnerError, type EpochMs, type Symbol } from '../../core/index.js';
import type { Clock, TradingCalendar } from '../../time/index.js';
import type { FeedHealth, FeedHealthEvent } from './feed-health.js';

/** What a {@link StaleFeedMonitor} needs. */
export interface StaleFeedMonitorOptions {
  /** The subscribed symbols; data for any other symbol is ignored. */
  readonly symbols: readonly Symbol[];
  /** How long a symbol may stay silent during market hours before it is stale. */
  readonly staleMs: number;
  readonly clock: Clock;
  readonly calendar: TradingCalendar;
}

/**
 * Watches a market-data stream and reports, per symbol, when no datum arrived for `staleMs` of
 * open-market time (`feedStale`) and when data comes back (`feedResumed`). Silence is counted
 * from the later of the last datum and the session's open, so quiet nights and weekends are
 * never stale; a symbol that went stale stays stale, even overnight, until data arrives. Each
 * symbol has at most one timer on the clock's scheduler, re-armed lazily rather than per datum.
 */
export class StaleFeedMonitor implements FeedHealth {
  private readonly lastSeen = new Map<Symbol, EpochMs>();
  private readonly stale = new Set<Symbol>();
  private readonly timers = new Map<Symbol, Subscription>();
  private watching = false;

  constructor(private readonly options: StaleFeedMonitorOptions) {
    if (!(options.staleMs > 0)) {
      throw new RunnerError('DATA_ERR_STALE_WINDOW', `staleMs: ${options.staleMs} must be positive`);
    }
  }

  /** Returns whether `symbol` went stale and no data has arrived for it since. */
  isStale(symbol: Symbol): boolean {
    return this.stale.has(symbol);
  }

  /**
   * Returns the health events for `data` (quotes, trades or bars). One watch at a time: a second
   * concurrent subscription errors with `DATA_ERR_MONITOR_BUSY`.
   */
  watch(data: Observable<{ readonly symbol: Symbol }>): Observable<FeedHealthEvent> {
    return new Observable<FeedHealthEvent>((out) => {
      if (this.watching) {
        out.error(new RunnerError('DATA_ERR_MONITOR_BUSY', 'this StaleFeedMonitor is already watching a stream'));
        return undefined;
      }
      this.watching = true;
      const now = this.options.clock.now();
      for (const symbol of this.options.symbols) {
        this.lastSeen.set(symbol, now);
        this.check(symbol, out);
      }
      const sub = data.subscribe({
        next: (d) => this.heard(d.symbol, out),
        error: (e: unknown) => out.error(e),
        complete: () => out.complete(),
      });
      return () => {
        sub.unsubscribe();
        for (const timer of this.timers.values()) timer.unsubscribe();
        this.timers.clear();
        this.watching = false;
      };
    });
  }

  private heard(symbol: Symbol, out: Subscriber<FeedHealthEvent>): void {
    const since = this.lastSeen.get(symbol);
    if (since === undefined) return;
    const ts = this.options.clock.now();
    this.lastSeen.set(symbol, ts);
    if (this.stale.delete(symbol)) {
      out.next({ kind: 'feed', type: 'feedResumed', symbol, sinceMs: since, ts });
      this.check(symbol, out);
    }
  }

  /** Declares the symbol stale if its silence is long enough now; otherwise re-arms its timer for the deadline. */
  private check(symbol: Symbol, out: Subscriber<FeedHealthEvent>): void {
    this.timers.delete(symbol);
    const { clock, calendar, staleMs } = this.options;
    const now = clock.now();
    const last = this.lastSeen.get(symbol) ?? now;
    const session = calendar.currentOrNextSession(now);
    const deadline = calendar.isOpen(now) ? Math.max(last, session.open) + staleMs : session.open + staleMs;
    if (calendar.isOpen(now) && now >= deadline) {
      this.stale.add(symbol);
      out.next({ kind: 'feed', type: 'feedStale', symbol, sinceMs: last, ts: now });
      return;
    }
    this.timers.set(symbol, clock.scheduler.schedule(() => this.check(symbol, out), deadline - now));
  }
}
