import type { Bar } from '../core/index.js';
import type { BarSource } from './bar-source.js';

/** What one validating pass over a bar source found. */
export interface BarSourceSummary {
  /** Bars inside the source's time range. */
  readonly bars: number;
  readonly first?: Bar;
  readonly last?: Bar;
}

/**
 * Returns the count, first and last bar after streaming the whole source once, which validates
 * every row; throws the first row error (`DATA_ERR_INVALID_ROW` naming `file:line`).
 */
export async function validateBarSource(source: BarSource): Promise<BarSourceSummary> {
  let count = 0;
  let first: Bar | undefined;
  let last: Bar | undefined;
  for await (const bar of source.bars()) {
    first ??= bar;
    last = bar;
    count += 1;
  }
  return first === undefined || last === undefined ? { bars: 0 } : { bars: count, first, last };
}
