import type { Bar, EpochMs, Symbol } from '../core/index.js';
import type { ColumnBatch } from './column-batch.js';

/** The CSV layouts the bar readers understand. */
export const BarFormat = { YAHOO: 'yahoo', GENERIC: 'generic' } as const;
/** The CSV layouts the bar readers understand. */
export type BarFormat = (typeof BarFormat)[keyof typeof BarFormat];

/**
 * Returns the regular session (open and close, epoch ms) on a local date `YYYY-MM-DD`, or
 * `undefined` when the exchange is closed that day. A trading calendar's `session` fits.
 */
export type SessionLookup = (date: string) => { readonly open: EpochMs; readonly close: EpochMs } | undefined;

/** A file of bars for one symbol that can be streamed any number of times. */
export interface BarSource {
  readonly path: string;
  readonly symbol: Symbol;
  /** Returns a fresh stream of the file's bars (inside the requested range); each call re-reads the file. */
  bars(): AsyncIterable<Bar>;
  /**
   * Present on the built-in readers: the same bars as {@link BarSource.bars}, in batches (a chunk
   * or block at a time), so a consumer pays one await per batch instead of one per bar.
   */
  readonly batches?: () => AsyncIterable<readonly Bar[]>;
  /**
   * Present on the binary cache: the same bars as column blocks, built into `Bar`s only as a
   * consumer takes them (what the k-way merge prefers; see {@link ColumnBatch}).
   */
  readonly columns?: () => AsyncIterable<ColumnBatch>;
  /**
   * Present on sources already validated when written (the binary cache): returns the summary
   * without re-reading every bar, so {@link validateBarSource} does not validate twice.
   */
  readonly summary?: () => Promise<BarSourceSummary>;
}

/** What one validating pass over a bar source found. */
export interface BarSourceSummary {
  /** Bars inside the source's time range. */
  readonly bars: number;
  readonly first?: Bar;
  readonly last?: Bar;
}

/** What {@link openBarFile} needs to know about a bar file. */
export interface OpenBarFileOptions {
  readonly path: string;
  /** Defaults to the file name's stem before the first `-` or `.`, upper-cased. */
  readonly symbol?: string;
  /** Defaults to what the header says (see {@link detectBarFormat}). */
  readonly format?: BarFormat;
  /** Gives Yahoo daily rows their open and close times. */
  readonly sessionOf: SessionLookup;
  /** Generic format only: bar length; inferred from the first two rows when absent. */
  readonly intervalMs?: number;
  /** Yahoo format only: scale prices by `Adj Close / Close`. Default false. */
  readonly adjusted?: boolean;
  /** Earliest bar open time kept (inclusive). */
  readonly from?: EpochMs;
  /** Latest bar open time kept (inclusive). */
  readonly to?: EpochMs;
}
