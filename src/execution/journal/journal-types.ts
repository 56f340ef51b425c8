import type {
  Amount, EpochMs, OrderId, OrderSide, OrderStatus, RiskVerdict, Symbol, VenueOrderId,
} from '../../core/index.js';
import type { TradingStatus } from '../../risk/index.js';

/** How the runner is trading in a journaled run. */
export type JournalRunMode = 'live' | 'paper' | 'backtest';

/** What {@link Journal.startRun} records about a run. Never pass tokens or client secrets here. */
export interface JournalRunInfo {
  readonly mode: JournalRunMode;
  /** The strategy file or name. */
  readonly strategy: string;
  /** The strategy's parameters; keys that look like secrets are stored as `[redacted]`. */
  readonly params: Readonly<Record<string, unknown>>;
  /** A hash of the effective configuration, so two runs can be compared without storing the config. */
  readonly configHash: string;
}

/** An order as the journal last saw it. Quantities and prices are exact amounts. */
export interface JournalOrder {
  readonly orderId: OrderId;
  readonly venueOrderId?: VenueOrderId;
  readonly status: OrderStatus;
  readonly symbol: Symbol;
  readonly side: OrderSide;
  readonly qty: Amount;
  readonly filledQty: Amount;
  /** Volume-weighted average price of the fills applied so far; zero before the first. */
  readonly avgPrice: Amount;
  /** Whether the order was placed outside the runner (Aries web UI, another tool). */
  readonly external: boolean;
  readonly updatedTs: EpochMs;
}

/** What an order placed outside the runner looks like when reconciliation finds it. */
export interface ExternalOrderInfo {
  readonly symbol: Symbol;
  readonly side: OrderSide;
  readonly qty: Amount;
  readonly status: OrderStatus;
  readonly filledQty?: Amount;
  readonly avgPrice?: Amount;
}

/** One gate stage's verdict on an intent, stamped when the stage decided. */
export interface JournalDecision {
  readonly stage: string;
  readonly verdict: RiskVerdict;
  readonly ts: EpochMs;
}

/** The persisted kill-switch state. */
export interface JournalTradingState {
  readonly status: TradingStatus;
  readonly reason: string;
  readonly ts: EpochMs;
}

/** What happened to a fill handed to the journal: stored, or refused as a repeat of a known exec id. */
export type FillOutcome = 'applied' | 'duplicate';

/** The one thing the journal reads from a clock: the time to stamp writes that carry none. */
export interface JournalClock {
  now(): EpochMs;
}
