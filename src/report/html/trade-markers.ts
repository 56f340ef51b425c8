import type { Candle } from '../report-input.js';
import type { TradeRow } from './page-input.js';

/** A trade marker on a candle chart (`time` in epoch ms of the candle it sits on). */
export interface Marker {
  readonly time: number;
  readonly position: 'aboveBar' | 'belowBar';
  readonly shape: 'arrowUp' | 'arrowDown';
  readonly color: string;
  readonly text: string;
}

const BUY = { position: 'belowBar', shape: 'arrowUp', color: '#2e7d32', text: 'B' } as const;
const SELL = { position: 'aboveBar', shape: 'arrowDown', color: '#c62828', text: 'S' } as const;

/**
 * Returns the buy and sell markers of one symbol's `trades` on its `candles`: each entry and exit
 * sits on the last candle that opened at or before it (candles may span many bars). Markers on
 * the same candle and side merge into one labelled with their count (`B×3`), so a run with many
 * trades still draws at most two markers per candle. Sorted by time, as the chart requires.
 */
export function tradeMarkers(candles: readonly Candle[], trades: Iterable<TradeRow>): Marker[] {
  const counts = new Map<string, { time: number; buy: boolean; n: number }>();
  const add = (ts: number, buy: boolean): void => {
    const time = candleTime(candles, ts);
    if (time === undefined) return;
    const key = `${time}:${buy ? 'B' : 'S'}`;
    const entry = counts.get(key) ?? { time, buy, n: 0 };
    entry.n += 1;
    counts.set(key, entry);
  };
  for (const trade of trades) {
    const long = trade.side !== 'SHORT';
    add(trade.entryTs, long);
    add(trade.exitTs, !long);
  }
  return [...counts.values()]
    .sort((a, b) => a.time - b.time || Number(b.buy) - Number(a.buy))
    .map(({ time, buy, n }) => {
      const style = buy ? BUY : SELL;
      return { time, ...style, text: n > 1 ? `${style.text}×${n}` : style.text };
    });
}

/** Returns the open time of the last candle with `ts <= at`, by binary search. */
function candleTime(candles: readonly Candle[], at: number): number | undefined {
  let lo = 0;
  let hi = candles.length - 1;
  let found: number | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = candles[mid] as Candle;
    if (c.ts <= at) {
      found = c.ts;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}
