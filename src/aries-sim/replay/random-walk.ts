import { RunnerError, toSymbol } from '../../core/index.js';
import type { Bar, EpochMs } from '../../core/index.js';
import { NyseCalendar, Rng } from '../../time/index.js';
import type { TradingCalendar } from '../../time/index.js';
import { createReplayFeed } from './replay-feed.js';
import type { ReplayFeed, ReplayFeedOptions } from './replay-types.js';

/** What {@link randomWalkBars} needs. */
export interface RandomWalkOptions {
  readonly symbols: readonly string[];
  readonly seed: number;
  /** First price: one for all symbols or one per symbol; default 100. */
  readonly startPrice?: number | Readonly<Record<string, number>>;
  /** Replay time to start from (the first session at or after it); default 2024-01-02 09:30 New York. */
  readonly start?: EpochMs;
  /** Bar length; default one minute. */
  readonly intervalMs?: number;
  /** Bars per symbol; default endless. */
  readonly bars?: number;
  /** Standard deviation of a bar's log return; default 0.001. */
  readonly volatility?: number;
  /** Price increment; default 0.01. */
  readonly tickSize?: number;
  /** Bars are made only inside this calendar's sessions; default NYSE. */
  readonly calendar?: TradingCalendar;
}

/** 2024-01-02 09:30 America/New_York. */
const DEFAULT_START = 1_704_205_800_000;

function gaussian(rng: Rng): number {
  const u = 1 - rng.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.next());
}

function onTick(price: number, tick: number): number {
  return Math.round(Math.max(tick, Math.round(price / tick) * tick) * 1e8) / 1e8;
}

function nextBar(o: { rng: Rng; symbol: string; ts: EpochMs; tsEnd: EpochMs; open: number; vol: number; tick: number }): Bar {
  const { rng, tick, open } = o;
  const close = onTick(open * Math.exp(o.vol * gaussian(rng)), tick);
  const high = onTick(Math.max(open, close) + tick * rng.int(5), tick);
  const low = onTick(Math.min(open, close) - tick * rng.int(5), tick);
  const volume = 100 * (1 + rng.int(100));
  return { kind: 'bar', symbol: toSymbol(o.symbol), ts: o.ts, tsEnd: o.tsEnd, open, high, low, close, volume };
}

/**
 * Yields a seeded random walk of bars for every symbol, interval by interval and only inside the
 * calendar's sessions (the last bar of a session ends at the close). Same options, same bars.
 */
export function* randomWalkBars(options: RandomWalkOptions): Generator<Bar> {
  const interval = options.intervalMs ?? 60_000;
  if (!(interval > 0)) throw new RunnerError('SIM_REPLAY_WALK', `intervalMs: must be positive, got ${interval}`);
  const calendar = options.calendar ?? new NyseCalendar();
  const rng = new Rng(options.seed);
  const tick = options.tickSize ?? 0.01;
  const vol = options.volatility ?? 0.001;
  const sp = options.startPrice ?? 100;
  const prices = options.symbols.map((s) => onTick(typeof sp === 'number' ? sp : (sp[s] ?? 100), tick));
  let session = calendar.currentOrNextSession(options.start ?? DEFAULT_START);
  let ts = Math.max(options.start ?? DEFAULT_START, session.open);
  for (let n = 0; options.bars === undefined || n < options.bars; n += 1) {
    const tsEnd = Math.min(ts + interval, session.close);
    for (const [i, symbol] of options.symbols.entries()) {
      const bar = nextBar({ rng, symbol, ts, tsEnd, open: prices[i] ?? 100, vol, tick });
      prices[i] = bar.close;
      yield bar;
    }
    ts = tsEnd;
    if (ts >= session.close) {
      session = calendar.nextSession(ts);
      ts = session.open;
    }
  }
}

/** Returns a replay feed over {@link randomWalkBars} (the path seed is derived from `seed`). */
export function createRandomWalkFeed(options: RandomWalkOptions & Omit<ReplayFeedOptions, 'bars' | 'seed'>): ReplayFeed {
  return createReplayFeed({ ...options, bars: randomWalkBars(options), seed: (options.seed ^ 0x5bd1e995) >>> 0 });
}
