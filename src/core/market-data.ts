import type { EpochMs, Symbol } from './ids.js';

/**
 * One OHLCV bar. `ts` is when the bar opened and `tsEnd` when it closed, that is when its values
 * became known: the engine delivers a bar at `tsEnd`, never earlier (no look-ahead). Prices are
 * plain numbers, as market data is; they become exact amounts only on a fill.
 */
export interface Bar {
  readonly kind: 'bar';
  readonly symbol: Symbol;
  readonly ts: EpochMs;
  readonly tsEnd: EpochMs;
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly close: number;
  readonly volume: number;
}

/** A top-of-book quote. */
export interface Quote {
  readonly kind: 'quote';
  readonly symbol: Symbol;
  readonly ts: EpochMs;
  readonly bid: number;
  readonly ask: number;
  readonly bidSize: number;
  readonly askSize: number;
}

/** One print on the tape. */
export interface Trade {
  readonly kind: 'trade';
  readonly symbol: Symbol;
  readonly ts: EpochMs;
  readonly price: number;
  readonly size: number;
}

/** Market data the engine can deliver to a strategy. */
export type MarketData = Bar | Quote | Trade;

/** Returns when a market datum became known (a bar's close time, a quote's or trade's time). */
export function marketDataTime(d: MarketData): EpochMs {
  return d.kind === 'bar' ? d.tsEnd : d.ts;
}

/** Static facts about a tradable instrument. */
export interface Instrument {
  readonly symbol: Symbol;
  /** Smallest price increment, e.g. 0.01. */
  readonly tickSize: number;
  /** Smallest quantity increment; 1 for whole shares. */
  readonly lotSize: number;
  /** Whether the venue lets this symbol be sold short. */
  readonly shortable: boolean;
}

/** Returns an equity instrument with the usual US defaults (0.01 tick, whole shares, shortable). */
export function equityInstrument(symbol: Symbol): Instrument {
  return { symbol, tickSize: 0.01, lotSize: 1, shortable: true };
}
