import type { Bar } from '../../core/index.js';
import type { Candle, PriceSeries } from '../report-input.js';

/** The most candles {@link PriceSampler} keeps per symbol. */
export const MAX_CANDLES = 5000;

/** One symbol's candles, as columns (no object per candle while the run streams). */
class CandleColumns {
  readonly ts: Float64Array;
  readonly open: Float64Array;
  readonly high: Float64Array;
  readonly low: Float64Array;
  readonly close: Float64Array;
  count = 0;
  /** Bars per candle. */
  width = 1;
  /** Bars in the last candle. */
  filled = 0;

  constructor(capacity: number) {
    this.ts = new Float64Array(capacity);
    this.open = new Float64Array(capacity);
    this.high = new Float64Array(capacity);
    this.low = new Float64Array(capacity);
    this.close = new Float64Array(capacity);
  }

  /** Merges neighbouring pairs in place: candle i takes candles 2i and 2i+1. */
  halve(): void {
    let out = 0;
    for (let i = 0; i < this.count; i += 2, out += 1) {
      const last = i + 1 < this.count ? i + 1 : i;
      this.ts[out] = this.ts[i] as number;
      this.open[out] = this.open[i] as number;
      this.high[out] = Math.max(this.high[i] as number, this.high[last] as number);
      this.low[out] = Math.min(this.low[i] as number, this.low[last] as number);
      this.close[out] = this.close[last] as number;
    }
    this.count = out;
    this.width *= 2;
  }
}

/**
 * Collects a bounded OHLC history per symbol while a backtest streams its bars, without knowing
 * the bar count in advance: each candle spans `width` consecutive bars, and when a symbol reaches
 * `maxCandles` candles, neighbouring pairs merge and `width` doubles. So a symbol ends with
 * between half and all of `maxCandles` candles (or one per bar for short runs), each holding the
 * true open, high, low and close of its bars — highs, lows and the last close are never lost.
 * Candles are kept in typed arrays, so adding a bar allocates nothing.
 */
export class PriceSampler {
  private readonly series = new Map<string, CandleColumns>();
  /** The last symbol added and its candles (bars of one symbol usually come in runs). */
  private lastSymbol: string | undefined;
  private lastSeries: CandleColumns | undefined;

  constructor(private readonly maxCandles = MAX_CANDLES) {
    if (maxCandles < 2 || maxCandles % 2 !== 0) throw new RangeError('maxCandles must be an even number >= 2');
  }

  /** Adds one bar; bars of each symbol must arrive in time order. */
  add(bar: Bar): void {
    let s = bar.symbol === this.lastSymbol ? this.lastSeries : this.series.get(bar.symbol);
    if (s === undefined) {
      s = new CandleColumns(this.maxCandles);
      this.series.set(bar.symbol, s);
    }
    this.lastSymbol = bar.symbol;
    this.lastSeries = s;
    if (s.count > 0 && s.filled < s.width) {
      const last = s.count - 1;
      if (bar.high > (s.high[last] as number)) s.high[last] = bar.high;
      if (bar.low < (s.low[last] as number)) s.low[last] = bar.low;
      s.close[last] = bar.close;
      s.filled += 1;
      return;
    }
    if (s.count === this.maxCandles) s.halve();
    const at = s.count;
    s.ts[at] = bar.ts;
    s.open[at] = bar.open;
    s.high[at] = bar.high;
    s.low[at] = bar.low;
    s.close[at] = bar.close;
    s.count = at + 1;
    s.filled = 1;
  }

  /** Returns the candles of `symbols`, in that order (a symbol without bars gets none). */
  result(symbols: readonly string[]): PriceSeries[] {
    return symbols.map((symbol) => {
      const s = this.series.get(symbol);
      const candles: Candle[] = [];
      if (s !== undefined) {
        for (let i = 0; i < s.count; i += 1) {
          candles.push({ ts: s.ts[i] as number, open: s.open[i] as number, high: s.high[i] as number, low: s.low[i] as number, close: s.close[i] as number });
        }
      }
      return { symbol, candles };
    });
  }
}
