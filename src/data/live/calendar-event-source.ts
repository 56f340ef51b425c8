import { DateTime } from 'luxon';
import { merge, Observable, timer } from 'rxjs';
import { RunnerError, toSymbol, type CalendarEvent, type Symbol } from '../../core/index.js';
import type { Clock, TradingCalendar } from '../../time/index.js';
import type { CalendarPorts, EarningsRecord, EconomicRecord } from './calendar-records.js';
import { earningsTime } from './earnings-time.js';
import { ReleaseSchedule } from './release-schedule.js';
import { sessionEvents } from './session-events.js';

/** What a {@link CalendarEventSource} needs. */
export interface CalendarEventSourceOptions {
  readonly clock: Clock;
  readonly calendar: TradingCalendar;
  readonly ports: CalendarPorts;
  /** How often to fetch the calendars again, on the clock. */
  readonly refreshMs: number;
  /** How many New York days to fetch, today included (default 3). */
  readonly horizonDays?: number;
  /** Only these symbols' earnings are kept; all when omitted. */
  readonly symbols?: readonly Symbol[];
  /** Keeps only the economic releases this returns true for; all when omitted. */
  readonly includeEconomic?: (record: EconomicRecord) => boolean;
  /** Told about a failed fetch; the schedule keeps what it had and the next refresh tries again. */
  readonly onFetchError?: (error: unknown) => void;
}

/**
 * Delivers calendar events on the clock: earnings and economic releases fetched every
 * `refreshMs` (see {@link earningsTime} for when an earnings `hour` is taken to happen), each
 * delivered once at its time however often it is fetched, merged with session open and close
 * events from the trading calendar. `upcoming()` lists releases still to come, for blackouts.
 */
export class CalendarEventSource {
  private readonly releases: ReleaseSchedule;
  private emit: ((event: CalendarEvent) => void) | undefined;
  private fetching = false;

  constructor(private readonly options: CalendarEventSourceOptions) {
    if (!(options.refreshMs > 0)) {
      throw new RunnerError('DATA_ERR_REFRESH', `refreshMs: ${options.refreshMs} must be positive`);
    }
    this.releases = new ReleaseSchedule(options.clock, (e) => this.emit?.(e));
  }

  /**
   * Returns the calendar events as they happen; fetching starts on subscription and stops with
   * it. Meant for one subscriber at a time (share it to fan out).
   */
  events(): Observable<CalendarEvent> {
    const releases = new Observable<CalendarEvent>((out) => {
      this.emit = (e) => out.next(e);
      const ticks = timer(0, this.options.refreshMs, this.options.clock.scheduler).subscribe(() => void this.refresh());
      return () => {
        ticks.unsubscribe();
        this.emit = undefined;
        this.releases.clearPending();
      };
    });
    return merge(sessionEvents(this.options.calendar, this.options.clock), releases);
  }

  /** Returns the earnings and economic releases not yet delivered, soonest first. */
  upcoming(): readonly CalendarEvent[] {
    return this.releases.upcoming();
  }

  /** Fetches both calendars once and schedules what is new; skipped while a fetch is running. */
  async refresh(): Promise<void> {
    if (this.fetching) return;
    this.fetching = true;
    try {
      const dates = this.horizonDates();
      const first = dates[0] ?? '';
      const last = dates[dates.length - 1] ?? first;
      const [earnings, economics] = await Promise.allSettled([
        this.options.ports.fetchEarnings(first, last),
        Promise.all(dates.map((d) => this.options.ports.fetchEconomics(d))),
      ]);
      // Unsubscribed while fetching: scheduling now would leave timers nobody listens to.
      if (this.emit === undefined) return;
      if (earnings.status === 'fulfilled') this.addEarnings(earnings.value);
      else this.options.onFetchError?.(earnings.reason);
      if (economics.status === 'fulfilled') this.addEconomics(economics.value.flat());
      else this.options.onFetchError?.(economics.reason);
      this.releases.prune();
    } finally {
      this.fetching = false;
    }
  }

  private horizonDates(): string[] {
    const today = DateTime.fromMillis(this.options.clock.now(), { zone: this.options.calendar.timeZone }).startOf('day');
    const days = Math.max(1, this.options.horizonDays ?? 3);
    return Array.from({ length: days }, (_, i) => today.plus({ days: i }).toISODate() ?? '');
  }

  private addEarnings(records: readonly EarningsRecord[]): void {
    const wanted = this.options.symbols === undefined ? undefined : new Set(this.options.symbols);
    for (const r of records) {
      const symbol = toSymbol(r.symbol);
      const ts = earningsTime(r.date, r.hour, this.options.calendar.timeZone);
      if (ts === undefined || (wanted !== undefined && !wanted.has(symbol))) continue;
      const name = `earnings ${r.hour.trim().toLowerCase() || 'unknown'}`;
      this.releases.upsert(`E|${symbol}|${r.date}`, { kind: 'calendar', type: 'EarningsReleased', ts, symbol, name });
    }
  }

  private addEconomics(records: readonly EconomicRecord[]): void {
    for (const r of records) {
      if (!Number.isFinite(r.ts) || this.options.includeEconomic?.(r) === false) continue;
      const event: CalendarEvent = { kind: 'calendar', type: 'EconomicRelease', ts: r.ts, name: r.name };
      this.releases.upsert(`X|${r.country ?? ''}|${r.name}|${r.ts}`, event);
    }
  }
}
