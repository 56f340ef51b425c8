import type { Bar, Order, OrderEvent } from '../core/index.js';
import type { ExecutionAdapter } from '../execution/index.js';
import type { Ledger, RoundTrip } from '../portfolio/index.js';
import type { GateStage, RiskContext } from '../risk/index.js';
import type { Params, StrategyDefinition, StrategyLog } from '../strategy/index.js';
import type { Clock, TradingCalendar } from '../time/index.js';
import type { HandlerWatchdog } from './strategy-runner.js';

/** Hooks for whoever drives the engine (the backtest recorder, the live journal). */
export interface EngineObserver {
  /** After a bar went through the venue, the ledger and the strategy. */
  onBarProcessed?(bar: Bar): void;
  onOrderEvent?(event: OrderEvent): void;
  /** An order reached a terminal state (its last state; with `forgetFinishedOrders` the engine then forgets it). */
  onOrderFinished?(order: Order): void;
  onRoundTrip?(trip: RoundTrip): void;
}

/** What the engine is built from. Only `modes/` chooses the implementations. */
export interface EngineOptions {
  readonly clock: Clock;
  readonly calendar: TradingCalendar;
  readonly adapter: ExecutionAdapter;
  readonly ledger: Ledger;
  readonly strategy: StrategyDefinition;
  readonly params: Params;
  /** Builds the gate's stages around the adapter's submit, given the live risk context. */
  readonly gateStages: (risk: () => RiskContext) => readonly GateStage[];
  /** Whether orders decided outside the session wait for the next open (bar backtests). */
  readonly queueForNextOpen: boolean;
  readonly log: StrategyLog;
  /** Prefix of order ids (default `O`); journaled runs make it unique per run, since the journal keys orders by id. */
  readonly orderIdPrefix?: string;
  readonly observer?: EngineObserver;
  /** Warns when one strategy handler call runs too long (paper and live; backtests leave it out). */
  readonly handlerWatchdog?: HandlerWatchdog;
  /**
   * Forget orders once they are terminal and keep no list of denials, so memory follows the
   * working orders, not the run's length (backtests, whose recorder keeps its own records).
   */
  readonly forgetFinishedOrders?: boolean;
}
