import type { Observable } from 'rxjs';
import type { AccountUpdated, Bar, CalendarEvent, OrderEvent, Quote, StrategyInput, TimerFired, Trade } from '../core/index.js';
import type { OrderRequest, StrategyContext } from './strategy-context.js';
import type { Params } from './param-types.js';


/** Market data a strategy asks for. */
export interface DataSubscription {
  readonly kind: 'bars' | 'quotes' | 'trades';
  readonly symbol: string;
  /** Bar interval for live bars built from trades (ms); backtests use the data's own interval. */
  readonly intervalMs?: number;
}

/**
 * A strategy. Handlers are synchronous: they act through `ctx`, which queues order intents that
 * the engine sends through the risk gate after the handler returns. A strategy may instead (or
 * also) define `streams`, composing RxJS operators over every input and returning order requests.
 */
export interface StrategyDefinition<P extends Params = Params> {
  readonly name: string;
  readonly description?: string;
  /** Parameter defaults; their types are the parameters' types (`--param fast=20` must parse as a number). */
  readonly params: P;
  subscriptions?(params: P): readonly DataSubscription[];
  onStart?(ctx: StrategyContext<P>): void;
  onBar?(bar: Bar, ctx: StrategyContext<P>): void;
  onQuote?(quote: Quote, ctx: StrategyContext<P>): void;
  onTrade?(trade: Trade, ctx: StrategyContext<P>): void;
  onCalendar?(event: CalendarEvent, ctx: StrategyContext<P>): void;
  onAccount?(update: AccountUpdated, ctx: StrategyContext<P>): void;
  onOrder?(event: OrderEvent, ctx: StrategyContext<P>): void;
  onTimer?(event: TimerFired, ctx: StrategyContext<P>): void;
  onStop?(ctx: StrategyContext<P>): void;
  /** The stream form: every input in time order in, order requests out. */
  streams?(inputs$: Observable<StrategyInput>, ctx: StrategyContext<P>): Observable<OrderRequest>;
}

/**
 * Returns the strategy definition unchanged, typed: the one call a strategy file makes,
 * `export default defineStrategy({ name, params, onBar(bar, ctx) { … } })`.
 */
export function defineStrategy<P extends Params>(definition: StrategyDefinition<P>): StrategyDefinition<P> {
  return definition;
}
