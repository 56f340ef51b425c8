import { toSymbol, type Bar, type Symbol, type Trade } from '../../../../src/core/index.js';

/** 2024-03-05 (a Tuesday, EST) 09:30 New York, the regular open. */
export const OPEN = Date.UTC(2024, 2, 5, 14, 30);
export const MIN = 60_000;
export const AAA: Symbol = toSymbol('AAA');
export const BBB: Symbol = toSymbol('BBB');

export function trade(symbol: Symbol, ts: number, price: number, size = 1): Trade {
  return { kind: 'trade', symbol, ts, price, size };
}

export function bar(symbol: Symbol, ts: number, close = 10, intervalMs = MIN): Bar {
  return { kind: 'bar', symbol, ts, tsEnd: ts + intervalMs, open: close, high: close, low: close, close, volume: 1 };
}

/** Lets pending promise callbacks run (no time passes on any clock). */
export function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
