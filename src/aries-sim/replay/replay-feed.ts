import { RunnerError } from '../../core/index.js';
import type { Bar, EpochMs, Quote, Trade } from '../../core/index.js';
import { NyseCalendar, Rng } from '../../time/index.js';
import type { Clock } from '../../time/index.js';
import { BarReader } from './bar-reader.js';
import { newEventHeap } from './event-heap.js';
import type { PendingEvent } from './event-heap.js';
import { expandBar } from './intrabar-path.js';
import type { IntrabarOptions } from './intrabar-path.js';
import { MarketTape } from './market-tape.js';
import type { ReplayFeed, ReplayFeedOptions } from './replay-types.js';
import { WallMapping } from './wall-mapping.js';

type Next = PendingEvent | 'end' | 'pending';

class ReplayEngine extends MarketTape implements ReplayFeed {
  readonly finished: Promise<void>;
  private readonly reader: BarReader;
  private readonly heap = newEventHeap();
  private readonly rng: Rng;
  private readonly wall: WallMapping;
  private readonly path: IntrabarOptions;
  private readonly clock: Clock | undefined;
  private readonly alert: string;
  private seq = 0;
  private mode: 'idle' | 'paced' | 'manual' | 'done' = 'idle';
  private wallStart = 0;
  private elapsed = 0;
  private settle: { resolve: () => void; reject: (e: unknown) => void } | undefined;

  constructor(options: ReplayFeedOptions) {
    super(options.calendar ?? new NyseCalendar(), options.startTs);
    const speed = options.speed ?? 1;
    if (!(speed > 0)) throw new RunnerError('SIM_REPLAY_SPEED', `speed: must be positive, got ${speed}`);
    this.reader = new BarReader(options.bars);
    this.rng = new Rng(options.seed);
    this.wall = new WallMapping(speed);
    this.path = { tickSize: options.tickSize ?? 0.01, pathOrder: options.pathOrder ?? 'bar' };
    this.clock = options.clock;
    this.alert = options.name ?? 'replay-feed';
    this.finished = new Promise((resolve, reject) => {
      this.settle = { resolve, reject };
    });
    this.finished.catch(() => undefined); // the caller may never await it
  }

  start(): void {
    const clock = this.clock;
    if (clock === undefined) throw new RunnerError('SIM_REPLAY_NO_CLOCK', 'replay feed: start() needs a clock');
    if (this.mode === 'done' || this.mode === 'paced') return;
    this.claim('paced');
    // A resumed run continues where it stopped on the wall instead of replaying the pause.
    this.wallStart = clock.now() - this.elapsed;
    this.pump();
  }

  stop(): void {
    const clock = this.clock;
    if (this.mode !== 'paced' || clock === undefined) return;
    clock.cancel(this.alert);
    this.elapsed = clock.now() - this.wallStart;
    this.mode = 'idle';
  }

  async step(): Promise<Bar | undefined> {
    if (this.mode === 'done') return undefined;
    this.claim('manual');
    for (;;) {
      const next = this.next();
      if (next === 'pending') {
        await this.reader.ready();
        continue;
      }
      if (next === 'end') return this.finish();
      this.emit(next);
      if (next.item.kind === 'bar') return next.item;
    }
  }

  async runToEnd(): Promise<number> {
    let bars = 0;
    while ((await this.step()) !== undefined) bars += 1;
    return bars;
  }

  async close(): Promise<void> {
    this.stop();
    await this.reader.close();
    this.finish();
  }

  private claim(mode: 'paced' | 'manual'): void {
    if (this.mode === mode || this.mode === 'idle') {
      this.mode = mode;
      return;
    }
    throw new RunnerError('SIM_REPLAY_MODE', `replay feed: cannot ${mode === 'paced' ? 'start' : 'step'} while ${this.mode}`);
  }

  /** Runs from alerts: emits every event already due on the wall, then sets the alert for the next. */
  private pump(): void {
    const clock = this.clock as Clock;
    try {
      while (this.mode === 'paced') {
        const next = this.next();
        if (next === 'pending') {
          void this.reader.ready().then(() => this.pump());
          return;
        }
        if (next === 'end') {
          this.finish();
          return;
        }
        const due = this.wallStart + next.wallOffset;
        if (due > clock.now()) {
          clock.setAlert(this.alert, due, () => this.pump());
          return;
        }
        this.emit(next);
      }
    } catch (error) {
      this.fail(error);
    }
  }

  /** Returns the earliest event once every bar opening at or before it has been expanded. */
  private next(): Next {
    for (;;) {
      const head = this.heap.peek();
      const read = this.reader.peek();
      if (read.kind === 'pending') return 'pending';
      if (read.kind === 'bar' && (head === undefined || read.bar.ts <= head.ts)) {
        this.reader.take();
        this.load(read.bar);
        continue;
      }
      return head ?? 'end';
    }
  }

  private load(bar: Bar): void {
    this.wall.place(bar);
    for (const tick of expandBar(bar, this.rng, this.path)) this.schedule(tick.ts, 1, tick);
    this.schedule(bar.tsEnd, 0, bar);
  }

  private schedule(ts: EpochMs, rank: number, item: Quote | Trade | Bar): void {
    this.heap.push({ ts, rank, seq: this.seq++, wallOffset: this.wall.offsetOf(ts), item });
  }

  private emit(event: PendingEvent): void {
    this.heap.pop();
    this.publish(event.ts, event.item);
  }

  private finish(): undefined {
    if (this.mode === 'done') return undefined;
    this.mode = 'done';
    this.complete();
    this.settle?.resolve();
    return undefined;
  }

  private fail(error: unknown): void {
    this.mode = 'done';
    this.complete();
    this.settle?.reject(error);
  }
}

/** Returns a replay feed over `options.bars` (see {@link ReplayFeed}). Throws `SIM_REPLAY_SPEED` for a speed ≤ 0. */
export function createReplayFeed(options: ReplayFeedOptions): ReplayFeed {
  return new ReplayEngine(options);
}
