import { filter, map, merge, NEVER, share, Subject, switchMap, take, tap, type Observable, type Subscription } from 'rxjs';
import type { RunnerConfig } from '../config/index.js';
import type { Bar, CalendarEvent, Quote, Symbol, Trade } from '../core/index.js';
import { CalendarEventSource, isDataGap, mergeBackfill, StaleFeedMonitor, type CalendarPorts } from '../data/index.js';
import { BlackoutSchedule } from '../risk/index.js';
import type { StrategyLog } from '../strategy/index.js';
import type { Clock, TradingCalendar, VirtualClock } from '../time/index.js';
import type { AriesConnection } from './aries-connection.js';
import type { CheckPorts } from './gate-stages.js';
import { liveMarketInputs, type LiveBarSpec } from './live-market-inputs.js';
import { blackoutRules } from './risk-monitors.js';
import { blackoutFeedingPorts } from './session-blackouts.js';
import { ariesCalendarPorts } from './session-calendar.js';
import { chartHistoryPort, liveIntervalMs } from './session-history.js';
import { lateBars, type LateBarCount } from './session-late-bars.js';
import { startWhenTimeKnown } from './session-start.js';

const HOUR_MS = 3_600_000;
/** A live bar closes 2 s after its end on the wall clock; later than this, the event loop was held up. */
const LATE_BAR_MS = 5_000;

/** The `run:` keys that shape a session's feeds; absent keys keep paper runs identical to backtests. */
export interface SessionFeedSettings {
  /** Bars of chart history delivered before live ones (default 0: no warm-up). */
  readonly warmUpBars?: number;
  /** Silence that makes a symbol's feed stale during market hours (default `risk.staleFeedMs`, else off). */
  readonly staleFeedMs?: number;
  /** How often the earnings and economic calendars are fetched again (default one hour). */
  readonly calendarRefreshMs?: number;
}

/** What {@link sessionFeeds} needs. */
export interface SessionFeedOptions {
  readonly connection: AriesConnection;
  readonly clock: Clock;
  readonly marketClock: VirtualClock | undefined;
  readonly calendar: TradingCalendar;
  readonly spec: LiveBarSpec;
  readonly symbols: readonly Symbol[];
  readonly risk: RunnerConfig['risk'];
  readonly settings: SessionFeedSettings;
  /** The strategy handles calendar events (defines `onCalendar` or `streams`). */
  readonly wantsCalendar: boolean;
  readonly log: StrategyLog;
  /** The calendar endpoints; default the connection's Aries client. */
  readonly calendarPorts?: CalendarPorts;
}

/** A session's inputs and the gate ports they feed. */
export interface SessionFeeds {
  /** Warm-up, live and backfilled bars: per symbol in order, never twice. */
  readonly bars$: Observable<Bar>;
  readonly ticks$: Observable<Quote | Trade>;
  /** Calendar events for the strategy, when it handles them. */
  readonly calendar$: Observable<CalendarEvent> | undefined;
  /** FEED_STALE and CALENDAR_BLACKOUT ports, present when configured. */
  readonly ports: CheckPorts;
  /** Starts what runs beside the strategy's inputs (stale watch, calendar fetch for blackouts). */
  start(): Subscription;
  /** Live bars that closed late on the wall clock (a slow handler held the event loop); zero with a market-driven clock. */
  lateBars(): LateBarCount;
}

/**
 * Returns the inputs of a paper or live session: bars with warm-up and reconnect backfill from
 * chart history (each `DATA_GAP` logged), the stale-feed monitor (`feedStale`/`feedResumed`
 * logged) and the calendar source (earnings and economic releases, session open/close) feeding
 * the strategy and, when `risk.blackouts` is set, the blackout schedule.
 */
export function sessionFeeds(o: SessionFeedOptions): SessionFeeds {
  const marketDriven = o.marketClock !== undefined;
  let ticks$: Observable<Quote | Trade> = NEVER;
  // Only live-built bars on the wall clock can be late; backfilled ones are history by design.
  const late = marketDriven ? undefined : lateBars(o.clock, LATE_BAR_MS, o.log);
  const inputs = liveMarketInputs(o.connection.market.data$, o.clock, o.calendar, o.spec, {
    ...(o.marketClock === undefined ? {} : { marketClock: o.marketClock }),
    extendBars: (built$) => withBackfill(late === undefined ? built$ : built$.pipe(late), o, reconnects(o, ticks$, marketDriven)),
  });
  ticks$ = inputs.ticks$;
  const staleMs = o.settings.staleFeedMs ?? o.risk.staleFeedMs;
  const monitor = staleMs === undefined ? undefined : new StaleFeedMonitor({ symbols: o.symbols, staleMs, clock: o.clock, calendar: o.calendar });
  const rules = blackoutRules(o.risk);
  const schedule = rules === undefined ? undefined : new BlackoutSchedule(rules);
  const calendar$ = o.wantsCalendar || schedule !== undefined ? calendarEvents(o, schedule, inputs.ticks$, marketDriven) : undefined;
  const ports: CheckPorts = { ...(monitor === undefined ? {} : { feedHealth: monitor }), ...(schedule === undefined ? {} : { blackouts: schedule }) };
  return {
    bars$: inputs.bars$, ticks$: inputs.ticks$, ports,
    lateBars: () => late?.count() ?? { late: 0, worstMs: 0 },
    calendar$: o.wantsCalendar ? calendar$ : undefined,
    start: () => {
      const side: Observable<unknown>[] = [];
      if (monitor !== undefined) side.push(startWhenTimeKnown(inputs.ticks$, marketDriven, (t$) => monitor.watch(t$)).pipe(map((e) => logFeed(o.log, e))));
      if (!o.wantsCalendar && calendar$ !== undefined) side.push(calendar$);
      return merge(...side).subscribe({ error: (e: unknown) => o.log.error('session feed failed', { error: String(e) }) });
    },
  };
}

/** Emits once per market-socket reconnect; with a market-driven clock, on the first datum after it (when the clock shows the present). */
function reconnects(o: SessionFeedOptions, ticks$: Observable<unknown>, marketDriven: boolean): Observable<void> {
  const back$ = resubscribed(o);
  return marketDriven ? back$.pipe(switchMap(() => ticks$.pipe(take(1))), map(() => undefined)) : back$;
}

function resubscribed(o: SessionFeedOptions): Observable<void> {
  return o.connection.marketSocket.state$.pipe(filter((e) => e.state === 'resubscribed' && e.connection > 1), map(() => undefined));
}

/**
 * Splices warm-up and backfill into the built bars. After a reconnect the gap is filled when the
 * connection is back, and after every (re)subscription again just before each symbol's first two
 * live bars go out: the bar that
 * was being built when the connection dropped, and the one the server's resubscribe snapshot
 * (which replays the last trade) starts, both lack trades; history then supplies the complete bar
 * and the partial live one is dropped as a duplicate.
 */
function withBackfill(built$: Observable<Bar>, o: SessionFeedOptions, reconnect$: Observable<void>): Observable<Bar> {
  const warmUp = o.settings.warmUpBars ?? 0;
  const suspect = new Subject<void>();
  // With a warm-up, armed from the start (a market-driven clock starts this after the first snapshot);
  // without one the first bars stay as built, as in a backtest.
  const armed = new Map<Symbol, number>(warmUp > 0 ? o.symbols.map((sym) => [sym, 2]) : []);
  const watched$ = built$.pipe(tap((bar) => {
    const left = armed.get(bar.symbol) ?? 0;
    if (left <= 0) return;
    armed.set(bar.symbol, left - 1);
    suspect.next();
  }));
  // Armed on the first subscription too: the snapshot then starts a partial bar just the same.
  const arm$ = o.connection.marketSocket.state$.pipe(filter((e) => e.state === 'resubscribed' && (warmUp > 0 || e.connection > 1)), tap(() => o.symbols.forEach((sym) => armed.set(sym, 2))), filter(() => false), map(() => undefined));
  const items = mergeBackfill(watched$, {
    symbols: o.symbols, intervalMs: liveIntervalMs(o.spec), clock: o.clock,
    reconnects: merge(reconnect$, suspect, arm$),
    fetchHistory: chartHistoryPort(o.connection.client, o.spec, o.calendar),
    ...(warmUp > 0 ? { warmUp: { count: warmUp } } : {}),
  });
  return items.pipe(
    filter((item): item is Bar => {
      if (!isDataGap(item)) return true;
      const fields = { symbol: item.symbol, fromMs: item.fromMs, toMs: item.toMs, filled: item.filled, ...(item.error === undefined ? {} : { error: item.error }) };
      o.log.warn(`DATA_GAP ${item.symbol}: ${item.filled} missed bar(s) backfilled from chart history`, fields);
      return false;
    }),
  );
}

function calendarEvents(o: SessionFeedOptions, schedule: BlackoutSchedule | undefined, ticks$: Observable<unknown>, marketDriven: boolean): Observable<CalendarEvent> {
  const base = o.calendarPorts ?? ariesCalendarPorts(o.connection.client);
  const source = new CalendarEventSource({
    clock: o.clock, calendar: o.calendar, symbols: o.symbols,
    ports: schedule === undefined ? base : blackoutFeedingPorts(base, schedule, o.calendar.timeZone),
    refreshMs: o.settings.calendarRefreshMs ?? HOUR_MS,
    onFetchError: (e) => o.log.warn('calendar fetch failed; keeping the last schedule', { error: String(e) }),
  });
  return startWhenTimeKnown(ticks$, marketDriven, () => source.events()).pipe(share());
}

function logFeed(log: StrategyLog, e: { readonly type: 'feedStale' | 'feedResumed'; readonly symbol: Symbol; readonly sinceMs: number; readonly ts: number }): void {
  if (e.type === 'feedStale') log.warn(`feedStale ${e.symbol}: no market data since ${new Date(e.sinceMs).toISOString()}; new entries are blocked`, { symbol: e.symbol, sinceMs: e.sinceMs, ts: e.ts });
  else log.info(`feedResumed ${e.symbol}: market data is back`, { symbol: e.symbol, sinceMs: e.sinceMs, ts: e.ts });
}
