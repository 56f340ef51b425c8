import type { Symbol } from '../../core/index.js';
import type { TimeRange } from '../stream-bars.js';
import type { CacheHeader } from './cache-header.js';

/** What a cache stream reads: the file, its symbol and header, the time range and the first block that can hold it. */
export interface CacheStreamPlan {
  readonly path: string;
  readonly symbol: Symbol;
  readonly header: CacheHeader;
  readonly range: TimeRange;
  readonly startBlock: number;
}
