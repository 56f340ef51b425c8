import { toSymbol } from '../../../../src/core/index.js';
import type { BacktestResult, Candle } from '../../../../src/report/index.js';
import { goldenResult, trip, utc } from '../builders.js';

/** The XSS probe the report must show as text: it would set `window.__xss` if it ever ran. */
export const INJECTION = '</script><img src=x onerror=alert(1)>';

/** Returns the candle of one bar. */
export function candle(ts: number, open: number, high: number, low: number, close: number): Candle {
  return { ts, open, high, low, close };
}

/**
 * The golden three-day result with prices for AAPL (bars open 14:30 UTC, EST) and, optionally,
 * user text replaced by `text` in the strategy name, a parameter name and value, and the symbol.
 */
export function resultWithPrices(text?: string): BacktestResult {
  const base = goldenResult();
  const symbol = text ?? 'AAPL';
  const candles = [
    candle(utc(2024, 1, 2, 14, 30), 100, 112, 99, 110),
    candle(utc(2024, 1, 3, 14, 30), 110, 111, 95, 99),
    candle(utc(2024, 1, 4, 14, 30), 99, 125, 98, 121),
  ];
  return {
    ...base,
    ...(text === undefined ? {} : {
      strategy: text,
      params: { ...base.params, [text]: text },
      symbols: [symbol],
      trades: [trip('5', { symbol: toSymbol(symbol) })],
    }),
    prices: [{ symbol, candles }],
  };
}
