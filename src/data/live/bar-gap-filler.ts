import type { Bar, EpochMs, Symbol } from '../../core/index.js';
import type { Clock } from '../../time/index.js';
import { barStartOf, checkLiveIntervalMs } from './bar-alignment.js';
import { BarSequencer } from './bar-sequencer.js';
import type { DataGap } from './data-gap.js';
import type { FetchHistory } from './fetch-history.js';
import { fetchWarmUpBars, sortUniqueBars, warmUpLookbackMs } from './warm-up.js';

/** What a backfilled bar stream carries: bars, and a notice for every gap found. */
export type BackfillItem = Bar | DataGap;

/** What a {@link BarGapFiller} needs. */
export interface BarGapFillerOptions {
  /** The subscribed symbols: these are backfilled after a reconnect even before their first bar. */
  readonly symbols: readonly Symbol[];
  readonly intervalMs: number;
  readonly clock: Clock;
  readonly fetchHistory: FetchHistory;
}

interface Pending {
  readonly buffer: Bar[];
  again: boolean;
}

/**
 * Keeps one symbol-ordered, duplicate-free bar sequence out of live bars and history. While
 * history is being fetched for a symbol, that symbol's live bars wait in a buffer; the history
 * goes out first, then the buffer, each bar through a {@link BarSequencer}, so the seam between
 * history and live never repeats or reorders a bar. A failed fetch is reported as a gap with an
 * `error` and is not retried until the next reconnect.
 */
export class BarGapFiller {
  private readonly sequencer = new BarSequencer();
  private readonly pending = new Map<Symbol, Pending>();
  private readonly inFlight = new Set<Promise<void>>();
  /** Where a gap starts for a symbol that has had no bar yet: the bar containing the start time. */
  private readonly sinceMs: EpochMs;
  private closed = false;

  constructor(
    private readonly options: BarGapFillerOptions,
    private readonly emit: (item: BackfillItem) => void,
  ) {
    checkLiveIntervalMs(options.intervalMs);
    this.sinceMs = barStartOf(options.clock.now(), options.intervalMs);
  }

  /** Passes a live bar on, or holds it until the history being fetched for its symbol is out. */
  offerLive(bar: Bar): void {
    const pending = this.pending.get(bar.symbol);
    if (pending !== undefined) pending.buffer.push(bar);
    else this.deliver(bar);
  }

  /** Fetches and delivers the last `count` bars before now for every symbol, ahead of live bars. */
  warmUp(count: number, lookbackMs?: number): Promise<void> {
    const startMs = this.options.clock.now();
    const { intervalMs, fetchHistory } = this.options;
    return this.forEachSymbol((symbol) => this.exclusive(symbol, async () => {
      const base = { symbol, count, intervalMs, startMs };
      const req = lookbackMs === undefined ? base : { ...base, lookbackMs };
      try {
        for (const bar of await fetchWarmUpBars(fetchHistory, req)) this.deliver(bar);
      } catch (e: unknown) {
        this.gap(symbol, startMs - (lookbackMs ?? warmUpLookbackMs(count, intervalMs)), startMs, 0, e);
      }
    }));
  }

  /** Backfills, for every symbol, the bars missed since the last one delivered. */
  reconnected(): Promise<void> {
    return this.forEachSymbol((symbol) => this.exclusive(symbol, () => this.backfill(symbol)));
  }

  /** Returns a promise that settles once no fetch is in flight. */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
  }

  /** Stops emitting; fetches still in flight are ignored when they settle. */
  close(): void {
    this.closed = true;
  }

  private forEachSymbol(task: (symbol: Symbol) => Promise<void>): Promise<void> {
    const all = Promise.all(this.options.symbols.map(task)).then(() => undefined);
    this.inFlight.add(all);
    return all.finally(() => this.inFlight.delete(all));
  }

  private async backfill(symbol: Symbol): Promise<void> {
    const { intervalMs, clock, fetchHistory } = this.options;
    const last = this.sequencer.lastStart(symbol);
    const fromMs = last === undefined ? this.sinceMs : last + intervalMs;
    const toMs = clock.now();
    // Not a single complete bar fits between the last one and now: nothing can be missing.
    if (toMs - fromMs < intervalMs) return;
    let history: readonly Bar[];
    try {
      history = await fetchHistory(symbol, fromMs, toMs);
    } catch (e: unknown) {
      return this.gap(symbol, fromMs, toMs, 0, e);
    }
    const missed = history.filter((b) => b.symbol === symbol && b.ts >= fromMs && b.tsEnd <= toMs);
    let filled = 0;
    for (const bar of sortUniqueBars(missed)) if (this.deliver(bar)) filled += 1;
    if (filled > 0) this.gap(symbol, fromMs, toMs, filled);
  }

  /** Runs `task` with the symbol's live bars held back; a task asked for meanwhile runs once after. */
  private async exclusive(symbol: Symbol, task: () => Promise<void>): Promise<void> {
    const busy = this.pending.get(symbol);
    if (busy !== undefined) {
      busy.again = true;
      return;
    }
    const pending: Pending = { buffer: [], again: false };
    this.pending.set(symbol, pending);
    try {
      await task();
      while (pending.again) {
        pending.again = false;
        await this.backfill(symbol);
      }
    } finally {
      this.pending.delete(symbol);
      for (const bar of pending.buffer) this.deliver(bar);
    }
  }

  private deliver(bar: Bar): boolean {
    if (this.closed || !this.sequencer.admit(bar)) return false;
    this.emit(bar);
    return true;
  }

  private gap(symbol: Symbol, fromMs: EpochMs, toMs: EpochMs, filled: number, error?: unknown): void {
    if (this.closed) return;
    const base: DataGap = { kind: 'gap', type: 'DATA_GAP', symbol, fromMs, toMs, filled, ts: this.options.clock.now() };
    if (error === undefined) this.emit(base);
    else this.emit({ ...base, error: error instanceof Error ? error.message : String(error) });
  }
}
