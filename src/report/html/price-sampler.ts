import type { Bar } from '../../core/index.js';
import type { Candle, PriceSeries } from '../report-input.js';

/** The most candles {@link PriceSampler} keeps per symbol. */
export const MAX_CANDLES = 5000;

interface Bucket {
  ts: number;
  open: number;
  high: number;
  low: number;
  close: number;
}

/**
 * Collects a bounded OHLC history per symbol while a backtest streams its bars, without knowing
 * the bar count in advance: each candle spans `width` consecutive bars, and when a symbol reaches
 * `maxCandles` candles, neighbouring pairs merge and `width` doubles. So a symbol ends with
 * between half and all of `maxCandles` candles (or one per bar for short runs), each holding the
 * true open, high, low and close of its bars — highs, lows and the last close are never lost.
 */
export class PriceSampler {
  private readonly series = new Map<string, { candles: Bucket[]; width: number; filled: number }>();

  constructor(private readonly maxCandles = MAX_CANDLES) {
    if (maxCandles < 2 || maxCandles % 2 !== 0) throw new RangeError('maxCandles must be an even number >= 2');
  }

  /** Adds one bar; bars of each symbol must arrive in time order. */
  add(bar: Bar): void {
    let s = this.series.get(bar.symbol);
    if (s === undefined) {
      s = { candles: [], width: 1, filled: 0 };
      this.series.set(bar.symbol, s);
    }
    const last = s.candles.at(-1);
    if (last !== undefined && s.filled < s.width) {
      last.high = Math.max(last.high, bar.high);
      last.low = Math.min(last.low, bar.low);
      last.close = bar.close;
      s.filled += 1;
      return;
    }
    if (s.candles.length === this.maxCandles) {
      s.candles = mergePairs(s.candles);
      s.width *= 2;
    }
    s.candles.push({ ts: bar.ts, open: bar.open, high: bar.high, low: bar.low, close: bar.close });
    s.filled = 1;
  }

  /** Returns the candles of `symbols`, in that order (a symbol without bars gets none). */
  result(symbols: readonly string[]): PriceSeries[] {
    return symbols.map((symbol) => ({
      symbol,
      candles: (this.series.get(symbol)?.candles ?? []).map((c): Candle => ({ ...c })),
    }));
  }
}

function mergePairs(candles: readonly Bucket[]): Bucket[] {
  const merged: Bucket[] = [];
  for (let i = 0; i < candles.length; i += 2) {
    const a = candles[i] as Bucket;
    const b = candles[i + 1];
    merged.push(b === undefined ? a : {
      ts: a.ts, open: a.open, high: Math.max(a.high, b.high), low: Math.min(a.low, b.low), close: b.close,
    });
  }
  return merged;
}
