import type { EpochMs } from '../../core/index.js';

/**
 * One earnings release as the calendar port returns it. `date` is `YYYY-MM-DD` in New York;
 * `hour` is `bmo` (before the open), `amc` (after the close), `dmh` (during market hours), a
 * `HH:MM` New York time, or anything else (treated as unknown).
 */
export interface EarningsRecord {
  readonly symbol: string;
  readonly date: string;
  readonly hour: string;
}

/** One economic release as the calendar port returns it, at epoch ms `ts`. */
export interface EconomicRecord {
  readonly name: string;
  readonly ts: EpochMs;
  readonly importance?: number;
  readonly country?: string;
}

/** The calendar ports; the Aries adapter binds them to the earnings and economics endpoints. */
export interface CalendarPorts {
  /** Returns the earnings releases dated from `fromDate` to `toDate` (both `YYYY-MM-DD`, inclusive). */
  fetchEarnings(fromDate: string, toDate: string): Promise<readonly EarningsRecord[]>;
  /** Returns the economic releases of one `YYYY-MM-DD` date. */
  fetchEconomics(date: string): Promise<readonly EconomicRecord[]>;
}
