import { describe, expect, it } from 'vitest';
import { tradeMarkers, type TradeRow } from '../../../../src/report/index.js';
import { candle } from './html-builders.js';

function trade(side: string, entryTs: number, exitTs: number): TradeRow {
  return { symbol: 'AAA', side, qty: '1', entryTs, exitTs, entryPrice: '1', exitPrice: '1', pnl: '0', commission: '0' };
}

describe('tradeMarkers', () => {
  const candles = [candle(100, 1, 1, 1, 1), candle(200, 1, 1, 1, 1), candle(300, 1, 1, 1, 1)];

  it('puts entries and exits on the last candle opened by then and merges repeats with a count', () => {
    const markers = tradeMarkers(candles, [trade('LONG', 150, 250), trade('LONG', 199, 320), trade('SHORT', 300, 999)]);
    // Trade 3 is short: its entry is a sell (S) and its exit a buy (B); at one time buys sort first.
    expect(markers.map((m) => [m.time, m.text, m.shape])).toEqual([
      [100, 'B×2', 'arrowUp'],
      [200, 'S', 'arrowDown'],
      [300, 'B', 'arrowUp'],
      [300, 'S×2', 'arrowDown'],
    ]);
  });

  it('drops a fill before the first candle', () => {
    expect(tradeMarkers(candles, [trade('LONG', 50, 150)]).map((m) => [m.time, m.text])).toEqual([[100, 'S']]);
  });
});
