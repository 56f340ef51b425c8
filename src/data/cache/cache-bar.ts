import type { Bar, Symbol } from '../../core/index.js';
import type { CacheBlock } from './cache-block.js';

/** Returns row `i` of a block as a bar (same property order as the CSV readers' bars, one shape). */
export function cacheBar(b: CacheBlock, i: number, symbol: Symbol): Bar {
  const ts = b.ts[i] ?? 0;
  return {
    kind: 'bar', symbol, ts, tsEnd: ts + (b.span[i] ?? 0),
    open: b.open[i] ?? 0, high: b.high[i] ?? 0, low: b.low[i] ?? 0, close: b.close[i] ?? 0, volume: b.volume[i] ?? 0,
  };
}
