import { merge, Subject, type Observable, type Subscription } from 'rxjs';
import {
  RunnerError, type EpochMs, type MarketData, type Order, type OrderDenied, type OrderEvent, type OrderIntent, type StrategyInput,
} from '../core/index.js';
import { OrderTracker } from '../execution/index.js';
import { composeGate, type RiskContext, type Submit, type SubmitOutcome } from '../risk/index.js';
import type { StrategyCommand } from './command.js';
import { ContextImpl } from './context-impl.js';
import type { EngineOptions } from './engine-options.js';
import { FifoQueue } from './fifo-queue.js';
import { MarketCache } from './market-cache.js';
import { StrategyRunner } from './strategy-runner.js';

/**
 * The engine: one RxJS merge of every input (market data, calendar, account, timers and the
 * adapter's order events) into the strategy, with each order intent routed through the risk
 * gate. Inputs are processed one at a time, first in first out; strategy commands issued during
 * a handler run right after it. Market data reaches the execution adapter before the strategy,
 * so fills at a bar's open are booked before the strategy sees that bar's close.
 */
export class Engine {
  private readonly market = new MarketCache();
  private readonly tracker: OrderTracker;
  private readonly queue = new FifoQueue<StrategyInput>();
  private readonly commands = new FifoQueue<StrategyCommand>();
  // The tracker copies its working orders on every call; strategies ask once per bar.
  private openCache: readonly Order[] | undefined;
  private readonly timers = new Subject<StrategyInput>();
  private readonly runner: StrategyRunner;
  private readonly submit: Submit;
  private readonly denied: OrderDenied[] = [];
  private subscription: Subscription | undefined;
  private draining = false;
  /** Outcomes of intents still passing through an asynchronous gate (broker preview, place). */
  private readonly inFlight = new Set<Promise<void>>();
  private failed: RunnerError | undefined;

  constructor(private readonly options: EngineOptions) {
    this.tracker = new OrderTracker({
      forgetTerminal: options.forgetFinishedOrders === true,
      onTerminal: (order) => options.observer?.onOrderFinished?.(order),
    });
    const ctx = new ContextImpl({
      clock: options.clock, ledger: options.ledger, market: this.market, log: options.log, params: options.params,
      openOrders: () => this.openOrders(),
      enqueue: (c) => this.commands.push(c),
      onTimer: (name, ts) => this.timers.next({ kind: 'timer', type: 'TimerFired', name, ts }),
      ...(options.orderIdPrefix === undefined ? {} : { orderIdPrefix: options.orderIdPrefix }),
    });
    this.runner = new StrategyRunner(options.strategy, ctx, (r) => ctx.submit(r), (e) => this.fail(e), options.handlerWatchdog);
    const risk = this.riskContext();
    this.submit = composeGate(options.gateStages(() => risk), (intent) => options.adapter.submit(intent));
  }

  /** Resolves when the engine stops on a failure (strategy code threw, an invariant broke); never rejects. */
  // Declared before `stopped`: class fields initialise in order, and `stopped` sets it.
  private onFailed: (() => void) | undefined;
  readonly stopped: Promise<void> = new Promise((resolve) => (this.onFailed = resolve));

  /** Returns the error that stopped the engine, if strategy code threw or an invariant broke. */
  get failure(): RunnerError | undefined {
    return this.failed;
  }

  /** Returns every order the adapter accepted, in the order they were accepted. */
  orders(): readonly Order[] {
    return this.tracker.all();
  }

  /** Returns every intent the gate denied, in the order they were denied. */
  denials(): readonly OrderDenied[] {
    return this.denied;
  }

  /** Returns the working orders (the same array until an order event changes them). */
  openOrders(): readonly Order[] {
    this.openCache ??= this.tracker.open();
    return this.openCache;
  }

  /** Resolves once every intent still in an asynchronous gate has its outcome (call before disconnecting). */
  async settled(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  /** Subscribes to the inputs and starts the strategy. */
  start(inputs: readonly Observable<StrategyInput>[]): void {
    this.subscription = merge(...inputs, this.options.adapter.events$, this.timers).subscribe({
      next: (input) => this.dispatch(input),
      error: (error: unknown) => this.fail(asRunnerError(error)),
    });
    this.guarded(() => {
      this.runner.start();
      // Orders placed in onStart go through the gate now, not at the first input.
      this.runCommands();
    });
  }

  /** Stops the strategy (`onStop`, then its last commands) and unsubscribes from every input. */
  stop(): void {
    if (this.failed === undefined) this.guarded(() => this.runner.stop());
    this.subscription?.unsubscribe();
    this.timers.complete();
  }

  /**
   * Processes one input synchronously, exactly as if it had arrived through one of the merged
   * inputs. The backtest driver feeds bars here to skip an RxJS hop per bar; since a Subject
   * delivers synchronously, the order of inputs is the same either way.
   */
  ingest(input: StrategyInput): void {
    this.dispatch(input);
  }

  private dispatch(input: StrategyInput): void {
    if (this.failed !== undefined) {
      // A failed strategy hears nothing more, but cancels and fills during shutdown still reach the books and the journal.
      if (input.kind === 'order') this.guarded(() => this.onOrderEvent(input, false));
      return;
    }
    // try/catch inline rather than through guarded(): no closure allocated per input.
    try {
      if (input.kind === 'bar' || input.kind === 'trade' || input.kind === 'quote') this.options.adapter.observeMarketData?.(input);
    } catch (error) {
      this.fail(asRunnerError(error));
    }
    this.queue.push(input);
    if (this.draining) return;
    try {
      this.drain();
    } catch (error) {
      this.fail(asRunnerError(error));
    }
  }

  private drain(): void {
    this.draining = true;
    try {
      for (let input = this.queue.shift(); input !== undefined; input = this.queue.shift()) {
        this.handle(input);
        this.runCommands();
        if (this.failed !== undefined) return;
      }
    } finally {
      this.draining = false;
    }
  }

  private handle(input: StrategyInput): void {
    if (input.kind === 'bar' || input.kind === 'trade' || input.kind === 'quote') this.onMarketData(input);
    else if (input.kind === 'order') this.onOrderEvent(input);
    this.runner.deliver(input);
    if (input.kind === 'bar') this.options.observer?.onBarProcessed?.(input);
  }

  private onMarketData(data: MarketData): void {
    this.market.update(data);
    const price = data.kind === 'bar' ? data.close : data.kind === 'trade' ? data.price : (data.bid + data.ask) / 2;
    this.options.ledger.mark(data.symbol, price);
  }

  private onOrderEvent(event: OrderEvent, toStrategy = true): void {
    this.openCache = undefined;
    this.tracker.apply(event);
    if (event.type === 'OrderFilled') {
      const { trip } = this.options.ledger.applyFill(event.fill);
      if (trip !== undefined) this.options.observer?.onRoundTrip?.(trip);
      if (toStrategy && this.runner.listensToAccount) this.queue.push(this.accountUpdate(event.ts));
    }
    this.options.observer?.onOrderEvent?.(event);
  }

  private runCommands(): void {
    for (let c = this.commands.shift(); c !== undefined; c = this.commands.shift()) {
      if (c.kind === 'cancel') {
        const result = this.options.adapter.cancel(c.orderId);
        if (result instanceof Promise) result.catch((e: unknown) => this.options.log.error('cancel failed', { orderId: c.orderId, error: String(e) }));
        continue;
      }
      const outcome = this.submit(c.intent);
      if (outcome instanceof Promise) {
        const intent = c.intent;
        const pending: Promise<void> = outcome
          .then((o) => this.onOutcome(intent, o), (e: unknown) => this.fail(asRunnerError(e)))
          .finally(() => this.inFlight.delete(pending));
        this.inFlight.add(pending);
      } else {
        this.onOutcome(c.intent, outcome);
      }
    }
  }

  private onOutcome(intent: OrderIntent, outcome: SubmitOutcome): void {
    if (outcome.kind === 'submitted') return;
    if (outcome.kind === 'unknown') {
      this.options.log.warn('order outcome unknown; reconcile before acting', { orderId: intent.id, message: outcome.message });
      return;
    }
    const ts = this.options.clock.now();
    const event: OrderDenied = { kind: 'order', type: 'OrderDenied', orderId: intent.id, intent, reason: outcome.reason, ts };
    if (this.options.forgetFinishedOrders !== true) this.denied.push(event);
    this.options.observer?.onOrderEvent?.(event);
    this.queue.push(event);
    if (!this.draining) this.guarded(() => this.drain());
  }

  private accountUpdate(ts: EpochMs): StrategyInput {
    const l = this.options.ledger;
    const positions = l.positions().map((p) => ({ symbol: p.symbol, qty: p.qty, avgPrice: p.avgPrice }));
    return { kind: 'account', type: 'AccountUpdated', cash: l.cash, equity: l.equity, positions, ts };
  }

  private riskContext(): RiskContext {
    const { clock, ledger, calendar, queueForNextOpen } = this.options;
    const market = this.market;
    const openOrders = (): readonly Order[] => this.openOrders();
    return {
      get now() {
        return clock.now();
      },
      portfolio: ledger,
      get openOrders() {
        return openOrders();
      },
      lastPrice: (symbol) => market.priceOf(symbol),
      calendar,
      queueForNextOpen,
    };
  }

  private guarded(f: () => void): void {
    try {
      f();
    } catch (error) {
      this.fail(asRunnerError(error));
    }
  }

  private fail(error: RunnerError): void {
    if (this.failed !== undefined) return;
    this.failed = error;
    this.onFailed?.();
  }
}

function asRunnerError(error: unknown): RunnerError {
  if (error instanceof RunnerError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new RunnerError('ENGINE_ERR_INTERNAL', message, { retry: 'fatal', cause: error });
}
