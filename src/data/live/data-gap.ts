import type { EpochMs, Symbol } from '../../core/index.js';

/**
 * A `DATA_GAP` notice: bars of `symbol` may have been missed between `fromMs` and `toMs` (after a
 * reconnect) and `filled` of them were recovered from history. `error` is set when the history
 * fetch failed; the gap is then left unfilled.
 */
export interface DataGap {
  readonly kind: 'gap';
  readonly type: 'DATA_GAP';
  readonly symbol: Symbol;
  readonly fromMs: EpochMs;
  readonly toMs: EpochMs;
  readonly filled: number;
  /** When the gap was handled, on the filler's clock. */
  readonly ts: EpochMs;
  readonly error?: string;
}

/** Returns whether a backfill stream item is a {@link DataGap} notice rather than a bar. */
export function isDataGap(item: { readonly kind: string }): item is DataGap {
  return item.kind === 'gap';
}
