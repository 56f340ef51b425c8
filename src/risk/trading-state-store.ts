import type { EpochMs } from '../core/index.js';
import type { TradingStatus } from './trading-status.js';

/** The kill switch's state as persisted: what it is, why, and since when. */
export interface TradingStateRecord {
  readonly status: TradingStatus;
  readonly reason: string;
  readonly ts: EpochMs;
}

/**
 * Where the kill switch survives restarts (the journal implements it). Synchronous on purpose:
 * better-sqlite3 is, and a state change must be durable before the next order is gated.
 */
export interface TradingStateStore {
  /** Returns the last saved record, or `undefined` when nothing was ever saved. */
  load(): TradingStateRecord | undefined;
  /** Persists the record, replacing the previous one. */
  save(record: TradingStateRecord): void;
}
