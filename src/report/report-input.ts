import type { Amount, EpochMs } from '../core/index.js';
import type { RoundTrip } from '../portfolio/index.js';

export type { RoundTrip };

/** The account equity at one bar close, and whether any position was open then. */
export interface EquityPoint {
  readonly ts: EpochMs;
  readonly equity: number;
  readonly exposed: boolean;
}

/**
 * An equity curve that can be walked in time order any number of times: an array, or a log
 * kept on disk for long runs (see `EquityLog`).
 */
export interface EquitySeries extends Iterable<EquityPoint> {
  readonly length: number;
}

/**
 * Records that can be walked in order any number of times: an array, or a log kept on disk for
 * long runs (see `RecordLog`).
 */
export interface RecordSeries<T> extends Iterable<T> {
  readonly length: number;
}

/** The final state of one order, as the report lists and hashes it. */
export interface OrderRecord {
  readonly id: string;
  readonly ts: EpochMs;
  readonly symbol: string;
  readonly side: string;
  readonly type: string;
  readonly tif: string;
  readonly qty: Amount;
  readonly limitPrice?: Amount;
  readonly stopPrice?: Amount;
  readonly status: string;
  readonly filledQty: Amount;
  readonly avgFillPrice: Amount;
  /** User text; may contain commas, quotes or newlines. */
  readonly tag?: string;
}

/** One display candle: the OHLC of one or more consecutive bars, stamped with the first bar's open time. */
export interface Candle {
  readonly ts: EpochMs;
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly close: number;
}

/** The downsampled price history of one symbol, for the report's charts and buy-and-hold benchmark. */
export interface PriceSeries {
  readonly symbol: string;
  /** In time order, at most a few thousand (see `PriceSampler`). */
  readonly candles: readonly Candle[];
}

/**
 * Everything a finished backtest hands to the report. `E`, `O` and `T` are how the equity curve,
 * the order list and the round trips are held: arrays by default, or any series (a long run's
 * lists stay on disk).
 */
export interface BacktestResult<
  E extends EquitySeries = readonly EquityPoint[],
  O extends RecordSeries<OrderRecord> = readonly OrderRecord[],
  T extends RecordSeries<RoundTrip> = readonly RoundTrip[],
> {
  readonly strategy: string;
  readonly params: Readonly<Record<string, string | number | boolean>>;
  readonly symbols: readonly string[];
  readonly from: EpochMs;
  readonly to: EpochMs;
  readonly bars: number;
  readonly startingCash: Amount;
  readonly finalEquity: Amount;
  /** One point per bar close, in time order. */
  readonly equity: E;
  /** Round trips in the order they closed. */
  readonly trades: T;
  /** Orders and denied intents, by order id. */
  readonly orders: O;
  /**
   * `orderListHash(orders)` when the producer computed it while the list was built (a backtest does,
   * so a long list on disk is not read back just for the hash); the report computes it otherwise.
   */
  readonly orderListHash?: string;
  readonly fills: number;
  readonly commission: Amount;
  readonly seed: number;
  /** The IANA zone that decides which calendar day an equity point belongs to, e.g. `America/New_York`. */
  readonly timeZone: string;
  /**
   * Downsampled candles per symbol, in `symbols` order. Optional: without it the HTML report has
   * no price charts and no buy-and-hold benchmark.
   */
  readonly prices?: readonly PriceSeries[];
}

/** A {@link BacktestResult} whose curve and lists may each be an array or a series on disk (what the report accepts). */
export type StreamedBacktestResult = BacktestResult<EquitySeries, RecordSeries<OrderRecord>, RecordSeries<RoundTrip>>;
