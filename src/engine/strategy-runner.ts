import { Subject, type Subscription } from 'rxjs';
import { RunnerError, type StrategyInput } from '../core/index.js';
import type { OrderRequest, StrategyContext, StrategyDefinition } from '../strategy/index.js';

/** The default time one handler call may take before the watchdog warns (reliability T-21). */
const DEFAULT_SLOW_HANDLER_MS = 1_000;

/**
 * The slow-handler watchdog (reliability T-21). The engine never reads the wall clock, so the
 * caller supplies a monotonic millisecond counter (modes pass `performance.now`).
 */
export interface HandlerWatchdog {
  /** Returns a monotonic time in milliseconds. */
  readonly measureMs: () => number;
  /** A call taking longer than this warns; default 1,000 ms. */
  readonly thresholdMs?: number;
  readonly warn: (message: string, fields: Readonly<Record<string, unknown>>) => void;
}

/**
 * Delivers inputs to one strategy: its handlers (handler form) and its `streams` pipeline (stream
 * form), on the same context. A throw from strategy code becomes `STRATEGY_ERR_HANDLER`, naming
 * the strategy, the handler and the time. With a watchdog, a handler call slower than its
 * threshold is logged, naming the strategy and the handler: inputs queue behind a slow handler,
 * since the engine delivers them one at a time.
 */
export class StrategyRunner {
  private readonly inputs = new Subject<StrategyInput>();
  private subscription: Subscription | undefined;
  private readonly wantsAccount: boolean;
  private slow = 0;

  constructor(
    private readonly strategy: StrategyDefinition,
    private readonly ctx: StrategyContext,
    private readonly submit: (request: OrderRequest) => void,
    private readonly fail: (error: RunnerError) => void,
    private readonly watchdog?: HandlerWatchdog,
  ) {
    this.wantsAccount = strategy.onAccount !== undefined || strategy.streams !== undefined;
  }

  /** Returns whether the strategy listens to account updates (so the engine can skip building them). */
  get listensToAccount(): boolean {
    return this.wantsAccount;
  }

  /** Returns how many handler calls the watchdog found slower than its threshold. */
  get slowCalls(): number {
    return this.slow;
  }

  /** Starts the stream form, if any, then calls `onStart`. */
  start(): void {
    const streams = this.strategy.streams;
    if (streams !== undefined) {
      const out$ = this.guard('streams', () => streams.call(this.strategy, this.inputs.asObservable(), this.ctx));
      this.subscription = out$.subscribe({
        next: (request) => this.submit(request),
        error: (error: unknown) => this.fail(this.wrap('streams', error)),
      });
    }
    const onStart = this.strategy.onStart;
    if (onStart !== undefined) this.guard('onStart', () => onStart.call(this.strategy, this.ctx));
  }

  /** Delivers one input to the matching handler and to the stream form. */
  deliver(input: StrategyInput): void {
    const s = this.strategy;
    switch (input.kind) {
      case 'bar':
        if (s.onBar !== undefined) this.run('onBar', s.onBar, input);
        break;
      case 'quote':
        if (s.onQuote !== undefined) this.run('onQuote', s.onQuote, input);
        break;
      case 'trade':
        if (s.onTrade !== undefined) this.run('onTrade', s.onTrade, input);
        break;
      case 'order':
        if (s.onOrder !== undefined) this.run('onOrder', s.onOrder, input);
        break;
      case 'account':
        if (s.onAccount !== undefined) this.run('onAccount', s.onAccount, input);
        break;
      case 'calendar':
        if (s.onCalendar !== undefined) this.run('onCalendar', s.onCalendar, input);
        break;
      case 'timer':
        if (s.onTimer !== undefined) this.run('onTimer', s.onTimer, input);
        break;
      default: {
        const never: never = input;
        return never;
      }
    }
    if (s.streams !== undefined) this.run('streams', this.pushInput, input);
  }

  /** Calls `onStop` and completes the stream form. */
  stop(): void {
    const onStop = this.strategy.onStop;
    if (onStop !== undefined) this.guard('onStop', () => onStop.call(this.strategy, this.ctx));
    this.inputs.complete();
    this.subscription?.unsubscribe();
  }

  /** Feeds the stream form; an arrow so `run` can call it like a handler. */
  private readonly pushInput = (input: StrategyInput): void => {
    this.inputs.next(input);
  };

  /**
   * Calls one handler with `this` bound to the strategy, as `guard` does, but without a closure
   * per call: this runs once per bar.
   */
  private run<I extends StrategyInput>(
    handler: string, f: (this: StrategyDefinition, input: I, ctx: StrategyContext) => void, input: I,
  ): void {
    if (this.watchdog !== undefined) {
      this.guard(handler, () => f.call(this.strategy, input, this.ctx));
      return;
    }
    try {
      f.call(this.strategy, input, this.ctx);
    } catch (error) {
      throw this.wrap(handler, error);
    }
  }

  private guard<T>(handler: string, f: () => T): T {
    const started = this.watchdog?.measureMs();
    try {
      return f();
    } catch (error) {
      throw this.wrap(handler, error);
    } finally {
      if (started !== undefined) this.timed(handler, started);
    }
  }

  private timed(handler: string, started: number): void {
    const w = this.watchdog;
    if (w === undefined) return;
    const tookMs = w.measureMs() - started;
    const thresholdMs = w.thresholdMs ?? DEFAULT_SLOW_HANDLER_MS;
    if (!(tookMs > thresholdMs)) return;
    this.slow += 1;
    const at = new Date(this.ctx.now()).toISOString();
    w.warn(`strategy "${this.strategy.name}" ${handler} took ${Math.round(tookMs)} ms at ${at} (watchdog threshold ${thresholdMs} ms); inputs wait behind it`, {
      strategy: this.strategy.name, handler, tookMs, thresholdMs, slowCalls: this.slow,
    });
  }

  private wrap(handler: string, error: unknown): RunnerError {
    if (error instanceof RunnerError && error.code === 'STRATEGY_ERR_HANDLER') return error;
    const at = new Date(this.ctx.now()).toISOString();
    const message = error instanceof Error ? error.message : String(error);
    return new RunnerError('STRATEGY_ERR_HANDLER', `strategy "${this.strategy.name}" ${handler} threw at ${at}: ${message}`, {
      retry: 'fatal', cause: error,
    });
  }
}
