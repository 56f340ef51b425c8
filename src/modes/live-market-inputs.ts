import { filter, share, tap, type Observable, type OperatorFunction } from 'rxjs';
import type { Bar, Quote, Trade } from '../core/index.js';
import { barsFromTrades, sessionBarsFromTrades } from '../data/index.js';
import type { Clock, TradingCalendar, VirtualClock } from '../time/index.js';
import { startWhenTimeKnown } from './session-start.js';

/** How live bars are built: one per regular session (daily) or per fixed interval. */
export type LiveBarSpec = { readonly kind: 'session' } | { readonly kind: 'interval'; readonly intervalMs: number };

/** The market inputs of a paper or live run. */
export interface LiveMarketInputs {
  /** Bars built from trades, each at its close (after `extendBars`, when given). */
  readonly bars$: Observable<Bar>;
  /** Quotes and trades as they arrive (after the market clock moved to their time). */
  readonly ticks$: Observable<Quote | Trade>;
}

/** Optional parts of {@link liveMarketInputs}. */
export interface LiveMarketInputOptions {
  /** A clock that follows the data (a replaying simulator); absent = the wall clock. */
  readonly marketClock?: VirtualClock;
  /** Wraps the built bars (warm-up, backfill); called once the session's time is known. */
  readonly extendBars?: (bars$: Observable<Bar>) => Observable<Bar>;
}

/**
 * Returns bars and ticks from a live quote/trade stream. With a market-driven clock (a
 * VirtualClock that follows the data, as against a replaying simulator) every datum first moves
 * the clock to its time, so bars close — and strategies decide — at the bar's own close time,
 * exactly as in a backtest; the bar pipeline then starts on the first datum, when the time is
 * known. With the wall clock, bars close on timers.
 */
export function liveMarketInputs(
  data$: Observable<Quote | Trade>, clock: Clock, calendar: TradingCalendar, spec: LiveBarSpec, options: LiveMarketInputOptions = {},
): LiveMarketInputs {
  const { marketClock, extendBars } = options;
  const driven$ = marketClock === undefined
    ? data$
    : data$.pipe(tap((d) => {
        if (d.ts > marketClock.now()) marketClock.advanceTo(d.ts);
      }));
  const ticks$ = driven$.pipe(share());
  // A market-driven clock closes a bar the instant time passes its end; the wall clock waits for late prints.
  const graceOptions = { graceMs: marketClock === undefined ? 2_000 : 0 };
  const builder: OperatorFunction<Trade, Bar> = spec.kind === 'session'
    ? sessionBarsFromTrades(calendar, clock, graceOptions)
    : barsFromTrades(spec.intervalMs, clock, graceOptions);
  const bars$ = startWhenTimeKnown(ticks$, marketClock !== undefined, (t$) => {
    const built = t$.pipe(filter((d): d is Trade => d.kind === 'trade'), builder);
    return extendBars === undefined ? built : extendBars(built);
  }).pipe(share());
  return { bars$, ticks$ };
}
