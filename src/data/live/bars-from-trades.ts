import { Observable, type OperatorFunction, type Subscription } from 'rxjs';
import type { Bar, EpochMs, Symbol, Trade } from '../../core/index.js';
import type { Clock, TradingCalendar } from '../../time/index.js';
import { barStartOf, checkLiveIntervalMs } from './bar-alignment.js';

/** How long after a bar's end the builder waits for late prints before closing it on the clock. */
export const DEFAULT_BAR_GRACE_MS = 2_000;

/** Options of {@link barsFromTrades}. */
export interface BarsFromTradesOptions {
  /** Wait this long past a bar's end before closing it on the clock (default {@link DEFAULT_BAR_GRACE_MS}). */
  readonly graceMs?: number;
  /** Called with a trade that belongs to a bar already emitted or older than the open one; it is dropped. */
  readonly onLateTrade?: (trade: Trade) => void;
}

/** The bar a trade belongs to: its start and end, or `undefined` to drop the trade (e.g. outside a session). */
export type BarBucket = (ts: EpochMs) => { readonly start: EpochMs; readonly end: EpochMs } | undefined;

interface OpenBar {
  readonly ts: EpochMs;
  readonly tsEnd: EpochMs;
  readonly open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
  timer: Subscription | undefined;
}

function toBar(symbol: Symbol, b: OpenBar): Bar {
  const { ts, tsEnd, open, high, low, close, volume } = b;
  return { kind: 'bar', symbol, ts, tsEnd, open, high, low, close, volume };
}

function addTrade(b: OpenBar, t: Trade): void {
  b.high = Math.max(b.high, t.price);
  b.low = Math.min(b.low, t.price);
  b.close = t.price;
  b.volume += t.size;
}

/** The open bars of one subscription, one per symbol, and the start of the last bar each emitted. */
class TradeBarBuilder {
  private readonly open = new Map<Symbol, OpenBar>();
  private readonly lastEmitted = new Map<Symbol, EpochMs>();

  constructor(
    private readonly bucket: BarBucket,
    private readonly graceMs: number,
    private readonly clock: Clock,
    private readonly out: (bar: Bar) => void,
    private readonly onLate: ((trade: Trade) => void) | undefined,
  ) {}

  onTrade(t: Trade): void {
    const slot = this.bucket(t.ts);
    if (slot === undefined) return this.onLate?.(t);
    const ts = slot.start;
    const current = this.open.get(t.symbol);
    if (current !== undefined && current.ts === ts) return addTrade(current, t);
    const floor = current?.ts ?? this.lastEmitted.get(t.symbol) ?? Number.NEGATIVE_INFINITY;
    if (ts <= floor) return this.onLate?.(t);
    if (current !== undefined) this.emit(t.symbol);
    this.start(t, ts, slot.end);
  }

  /** Emits the bars whose interval has ended by now. */
  flushEnded(): void {
    for (const [symbol, b] of [...this.open]) {
      if (b.tsEnd <= this.clock.now()) this.emit(symbol);
    }
  }

  dispose(): void {
    for (const b of this.open.values()) b.timer?.unsubscribe();
    this.open.clear();
  }

  private start(t: Trade, ts: EpochMs, tsEnd: EpochMs): void {
    const b: OpenBar = { ts, tsEnd, open: t.price, high: t.price, low: t.price, close: t.price, volume: t.size, timer: undefined };
    this.open.set(t.symbol, b);
    const delay = Math.max(0, tsEnd + this.graceMs - this.clock.now());
    b.timer = this.clock.scheduler.schedule(() => {
      if (this.open.get(t.symbol) === b) this.emit(t.symbol);
    }, delay);
  }

  private emit(symbol: Symbol): void {
    const b = this.open.get(symbol);
    if (b === undefined) return;
    this.open.delete(symbol);
    b.timer?.unsubscribe();
    this.lastEmitted.set(symbol, b.ts);
    this.out(toBar(symbol, b));
  }
}

/**
 * Returns an operator that builds interval-aligned OHLCV bars from trades, one open bar per
 * symbol. A bar is emitted when a trade of a later interval arrives for its symbol, or when the
 * clock passes its end plus the grace (a timer on `clock.scheduler`, so virtual time works),
 * whichever comes first. Intervals without trades give no bar. A trade for a bar already emitted
 * is dropped, so a symbol's bars are never emitted twice or out of order. On completion, bars
 * whose interval has ended are emitted and partial ones are dropped (a partial bar would lie).
 * Throws `DATA_ERR_INTERVAL` for an interval that does not divide a day.
 */
export function barsFromTrades(
  intervalMs: number,
  clock: Clock,
  options: BarsFromTradesOptions = {},
): OperatorFunction<Trade, Bar> {
  checkLiveIntervalMs(intervalMs);
  return barsFromTradesBy((ts) => {
    const start = barStartOf(ts, intervalMs);
    return { start, end: start + intervalMs };
  }, clock, options);
}

/**
 * Returns an operator like {@link barsFromTrades} whose bars are the exchange's regular sessions:
 * one daily bar per symbol from the session open to its close (13:00 on early-close days), the
 * same bars the Yahoo daily reader produces. Trades outside a session are dropped.
 */
export function sessionBarsFromTrades(calendar: TradingCalendar, clock: Clock, options: BarsFromTradesOptions = {}): OperatorFunction<Trade, Bar> {
  return barsFromTradesBy((ts) => {
    if (!calendar.isOpen(ts)) return undefined;
    const s = calendar.currentOrNextSession(ts);
    return { start: s.open, end: s.close };
  }, clock, options);
}

/** Returns the bar-building operator for any bucketing of time (intervals, sessions). */
export function barsFromTradesBy(bucket: BarBucket, clock: Clock, options: BarsFromTradesOptions = {}): OperatorFunction<Trade, Bar> {
  const graceMs = Math.max(0, options.graceMs ?? DEFAULT_BAR_GRACE_MS);
  return (source) =>
    new Observable<Bar>((subscriber) => {
      const builder = new TradeBarBuilder(bucket, graceMs, clock, (b) => subscriber.next(b), options.onLateTrade);
      const sub = source.subscribe({
        next: (t) => builder.onTrade(t),
        error: (e: unknown) => subscriber.error(e),
        complete: () => {
          builder.flushEnded();
          subscriber.complete();
        },
      });
      return () => {
        sub.unsubscribe();
        builder.dispose();
      };
    });
}
