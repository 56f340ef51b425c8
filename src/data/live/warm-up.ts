import type { Bar, EpochMs, Symbol } from '../../core/index.js';
import type { FetchHistory } from './fetch-history.js';

const DAY_MS = 86_400_000;

/** What {@link fetchWarmUpBars} needs. */
export interface WarmUpRequest {
  readonly symbol: Symbol;
  /** How many bars the indicators need. */
  readonly count: number;
  readonly intervalMs: number;
  /** The run's start: only bars complete by then are returned. */
  readonly startMs: EpochMs;
  /**
   * How far back to ask for history. Default: three times `count` intervals plus five days, so
   * a warm-up asked for on a Monday morning reaches back over a long weekend.
   */
  readonly lookbackMs?: number;
}

/** Returns the default warm-up lookback: three times `count` intervals plus five days. */
export function warmUpLookbackMs(count: number, intervalMs: number): number {
  return count * intervalMs * 3 + 5 * DAY_MS;
}

/** Returns sorted, de-duplicated bars by start, keeping one bar per start (the last given). */
export function sortUniqueBars(bars: readonly Bar[]): Bar[] {
  const byStart = new Map<EpochMs, Bar>();
  for (const bar of bars) byStart.set(bar.ts, bar);
  return [...byStart.values()].sort((a, b) => a.ts - b.ts);
}

/**
 * Returns the last `count` complete bars of a symbol before `startMs` (tsEnd ≤ startMs), oldest
 * first, without duplicates: the indicator warm-up delivered ahead of live bars.
 */
export async function fetchWarmUpBars(fetchHistory: FetchHistory, req: WarmUpRequest): Promise<Bar[]> {
  if (req.count <= 0) return [];
  const lookbackMs = req.lookbackMs ?? warmUpLookbackMs(req.count, req.intervalMs);
  const history = await fetchHistory(req.symbol, req.startMs - lookbackMs, req.startMs);
  const complete = history.filter((b) => b.symbol === req.symbol && b.tsEnd <= req.startMs);
  return sortUniqueBars(complete).slice(-req.count);
}
