import type { SchedulerLike } from 'rxjs';
import type { Bar, EpochMs, Order, OrderId, OrderSide, Quote, TimeInForce } from '../core/index.js';
import type { PortfolioView } from '../portfolio/index.js';
import type { Params } from './param-types.js';

/** Options of `ctx.buy` / `ctx.sell`: a limit and/or stop price make it a LIMIT, STOP or STOP_LIMIT order. */
export interface OrderOptions {
  readonly limit?: number;
  readonly stop?: number;
  /** Default DAY. */
  readonly tif?: TimeInForce;
  /** Free text echoed on the order's events and in reports. */
  readonly tag?: string;
}

/** An order a strategy asks for, in plain numbers (the stream form emits these). */
export interface OrderRequest extends OrderOptions {
  readonly symbol: string;
  readonly side: OrderSide;
  readonly qty: number;
}

/** The portfolio as a strategy sees it: plain numbers for decisions, `exact` for bookkeeping. */
export interface StrategyPortfolio {
  readonly cash: number;
  readonly equity: number;
  /** Returns the signed position in `symbol` (0 when flat, negative when short). */
  position(symbol: string): number;
  /** Returns the average entry price of the position, or `undefined` when flat. */
  avgPrice(symbol: string): number | undefined;
  /** The exact view (decimal amounts). */
  readonly exact: PortfolioView;
}

/** The last market data seen per symbol. */
export interface MarketView {
  lastBar(symbol: string): Bar | undefined;
  lastQuote(symbol: string): Quote | undefined;
  /** Returns the last trade price, else the last bar close, else the quote mid. */
  lastPrice(symbol: string): number | undefined;
}

/** Where a strategy's log lines go (the run's structured log, tagged with the strategy name). */
export interface StrategyLog {
  info(message: string, fields?: Readonly<Record<string, unknown>>): void;
  warn(message: string, fields?: Readonly<Record<string, unknown>>): void;
  error(message: string, fields?: Readonly<Record<string, unknown>>): void;
}

/** Everything a strategy handler can use. Order helpers queue intents; the gate decides after the handler returns. */
export interface StrategyContext<P extends Params = Params> {
  readonly params: P;
  /** Returns the current time (virtual in backtests). */
  now(): EpochMs;
  /** Pass to every time-based RxJS operator so the stream form runs on virtual time in backtests. */
  readonly scheduler: SchedulerLike;
  /** Fires `onTimer` every `intervalMs`. */
  setTimer(name: string, intervalMs: number): void;
  /** Fires `onTimer` once at `at`. */
  setAlert(name: string, at: EpochMs): void;
  /** Cancels a timer or alert. */
  cancelTimer(name: string): void;
  readonly portfolio: StrategyPortfolio;
  readonly market: MarketView;
  readonly log: StrategyLog;
  /** Queues a buy and returns the order's id. */
  buy(symbol: string, qty: number, options?: OrderOptions): OrderId;
  /** Queues a sell (opens or adds to a short when flat or short) and returns the order's id. */
  sell(symbol: string, qty: number, options?: OrderOptions): OrderId;
  /** Queues an order that flattens the position in `symbol`; returns `undefined` when already flat. */
  close(symbol: string, options?: OrderOptions): OrderId | undefined;
  /** Queues any order request. */
  submit(request: OrderRequest): OrderId;
  /** Queues a cancel of a working order. */
  cancel(orderId: OrderId): void;
  /** Returns the working orders, optionally for one symbol. */
  openOrders(symbol?: string): readonly Order[];
}
