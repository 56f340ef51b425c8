import type { Bar, EpochMs } from '../../core/index.js';
import type { Clock, TradingCalendar } from '../../time/index.js';
import type { SimBarFeed, SimMarketFeed } from '../sim-ports.js';
import type { PathOrder } from './intrabar-path.js';

/** What {@link createReplayFeed} needs. */
export interface ReplayFeedOptions {
  /** Bars in close-time order (e.g. from `mergeBars`); a sync iterable keeps virtual-clock runs synchronous. */
  readonly bars: Iterable<Bar> | AsyncIterable<Bar>;
  /** Seed of the intrabar paths (quote sizes, volume split, seeded high/low order). */
  readonly seed: number;
  /** Replay speed-up: a bar lasts `(tsEnd - ts) / speed` on the wall; `Infinity` = no waiting. Default 1. */
  readonly speed?: number;
  /** The wall clock that paces {@link ReplayFeed.start}; a VirtualClock in tests. */
  readonly clock?: Clock;
  /** Decides the market status; default the NYSE calendar. */
  readonly calendar?: TradingCalendar;
  /** Bid/ask spread; default 0.01. */
  readonly tickSize?: number;
  /** Default `bar`. */
  readonly pathOrder?: PathOrder;
  /** Name of the alert on the clock (unique per clock); default `replay-feed`. */
  readonly name?: string;
  /** Replay time before the first bar (the initial status time); absent = status `closed` at 0 until the first event. */
  readonly startTs?: EpochMs;
}

/**
 * A replayed market: quotes and trades on `ticks$`, each bar on `bars$` at its close after its
 * ticks, and the NYSE market status on `status$`. Run it paced on a clock (`start`) or by hand
 * (`step`, `runToEnd`); not both.
 */
export interface ReplayFeed extends SimMarketFeed, SimBarFeed {
  /** Returns the replay time of the last emitted event (or the start time before any). */
  simNow(): EpochMs;
  /** Starts the paced replay on the clock; throws `SIM_REPLAY_NO_CLOCK` without one. */
  start(): void;
  /** Stops a paced replay (no more alerts); the streams stay open. */
  stop(): void;
  /** Emits every event up to and including the next bar; returns that bar, or `undefined` at the end. */
  step(): Promise<Bar | undefined>;
  /** Emits everything left; returns how many bars were emitted. */
  runToEnd(): Promise<number>;
  /** Resolves when the source is exhausted (streams complete); rejects when it fails. */
  readonly finished: Promise<void>;
  /** Stops the replay, closes the source and completes the streams. */
  close(): Promise<void>;
}
