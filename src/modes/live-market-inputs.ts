import { filter, share, tap, type Observable, type OperatorFunction } from 'rxjs';
import type { Bar, Quote, Trade } from '../core/index.js';
import { barsFromTrades, sessionBarsFromTrades } from '../data/index.js';
import type { Clock, TradingCalendar, VirtualClock } from '../time/index.js';

/** How live bars are built: one per regular session (daily) or per fixed interval. */
export type LiveBarSpec = { readonly kind: 'session' } | { readonly kind: 'interval'; readonly intervalMs: number };

/** The market inputs of a paper or live run. */
export interface LiveMarketInputs {
  /** Bars built from trades, each at its close. */
  readonly bars$: Observable<Bar>;
  /** Quotes and trades as they arrive. */
  readonly ticks$: Observable<Quote | Trade>;
}

/**
 * Returns bars and ticks from a live quote/trade stream. With a market-driven clock (a
 * VirtualClock that follows the data, as against a replaying simulator) every datum first moves
 * the clock to its time, so bars close — and strategies decide — at the bar's own close time,
 * exactly as in a backtest. With the wall clock, bars close on timers.
 */
export function liveMarketInputs(
  data$: Observable<Quote | Trade>, clock: Clock, calendar: TradingCalendar, spec: LiveBarSpec, marketClock?: VirtualClock,
): LiveMarketInputs {
  const driven$ = marketClock === undefined
    ? data$
    : data$.pipe(tap((d) => {
        if (d.ts > marketClock.now()) marketClock.advanceTo(d.ts);
      }));
  const ticks$ = driven$.pipe(share());
  // A market-driven clock closes a bar the instant time passes its end; the wall clock waits for late prints.
  const options = { graceMs: marketClock === undefined ? 2_000 : 0 };
  const builder: OperatorFunction<Trade, Bar> = spec.kind === 'session'
    ? sessionBarsFromTrades(calendar, clock, options)
    : barsFromTrades(spec.intervalMs, clock, options);
  const bars$ = ticks$.pipe(filter((d): d is Trade => d.kind === 'trade'), builder, share());
  return { bars$, ticks$ };
}
