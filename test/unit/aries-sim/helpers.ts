import { toSymbol } from '../../../src/core/index.js';
import type { Bar, Quote, Trade } from '../../../src/core/index.js';

/** 2024-01-02 09:30 America/New_York (a Tuesday session open). */
export const OPEN_0102 = Date.UTC(2024, 0, 2, 14, 30);
/** 2024-01-02 16:00 America/New_York (that session's close). */
export const CLOSE_0102 = Date.UTC(2024, 0, 2, 21, 0);
/** 2024-01-03 09:30 America/New_York. */
export const OPEN_0103 = Date.UTC(2024, 0, 3, 14, 30);
export const MINUTE = 60_000;

/** Returns a one-minute bar opening at `ts`. */
export function minuteBar(symbol: string, ts: number, o: number, h: number, l: number, c: number, v: number): Bar {
  return { kind: 'bar', symbol: toSymbol(symbol), ts, tsEnd: ts + MINUTE, open: o, high: h, low: l, close: c, volume: v };
}

/** Returns the bar rebuilt from a symbol's trades inside `[ts, tsEnd)`. */
export function rebuild(trades: readonly Trade[], like: Bar): Bar | undefined {
  const inside = trades.filter((t) => t.symbol === like.symbol && t.ts >= like.ts && t.ts < like.tsEnd);
  const first = inside[0];
  const last = inside.at(-1);
  if (first === undefined || last === undefined) return undefined;
  return {
    ...like,
    open: first.price,
    high: Math.max(...inside.map((t) => t.price)),
    low: Math.min(...inside.map((t) => t.price)),
    close: last.price,
    volume: inside.reduce((sum, t) => sum + t.size, 0),
  };
}

/** Returns the trades among ticks. */
export function tradesOf(ticks: readonly (Quote | Trade)[]): Trade[] {
  return ticks.filter((t): t is Trade => t.kind === 'trade');
}
