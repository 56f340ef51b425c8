import type { Bar, OrderEvent } from '../core/index.js';
import type { StrategyContext, StrategyDefinition } from '../strategy/index.js';

/**
 * The heartbeat of a paper or live run: counts what the strategy saw (bars, accepted orders,
 * fills, equity, market time) and writes one line on stderr every interval of wall time, so a
 * long run visibly lives. The counts come from a thin wrapper around the strategy, so the
 * session itself needs no hook.
 */
export class RunProgress {
  private bars = 0;
  private fills = 0;
  private readonly orders = new Set<string>();
  private equity: number | undefined;
  private marketTime: number | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly write: (line: string) => void = (l) => process.stderr.write(`${l}\n`)) {}

  /**
   * Returns the strategy with counting handlers in front of its own. The wrapper inherits from
   * the definition, so `this` inside the strategy's handlers still reads and writes its state.
   */
  observe(strategy: StrategyDefinition): StrategyDefinition {
    const progress = this;
    function onBar(this: StrategyDefinition, bar: Bar, ctx: StrategyContext): void {
      strategy.onBar?.call(this, bar, ctx);
      progress.onBar(ctx);
    }
    function onOrder(this: StrategyDefinition, event: OrderEvent, ctx: StrategyContext): void {
      progress.onOrder(event);
      strategy.onOrder?.call(this, event, ctx);
    }
    // defineProperties, not assignment: a frozen definition's handlers cannot be shadowed by [[Set]].
    return Object.create(strategy, { onBar: { value: onBar, enumerable: true }, onOrder: { value: onOrder, enumerable: true } }) as StrategyDefinition;
  }

  /** Writes a progress line every `intervalMs` of wall time until {@link stop}; 0 writes none. */
  start(intervalMs: number): void {
    if (intervalMs <= 0) return;
    this.timer = setInterval(() => this.write(this.line()), intervalMs);
    // The heartbeat must never be what keeps a finished run alive.
    this.timer.unref();
  }

  /** Stops the heartbeat. */
  stop(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Returns the current progress line. */
  line(): string {
    if (this.marketTime === undefined) return 'progress: running, waiting for the first bar';
    const market = new Date(this.marketTime).toISOString().replace('T', ' ').slice(0, 16);
    const equity = this.equity === undefined ? '-' : this.equity.toFixed(2);
    return `progress: market ${market}Z | bars ${this.bars} | orders ${this.orders.size} | fills ${this.fills} | equity ${equity}`;
  }

  private onBar(ctx: StrategyContext): void {
    this.bars += 1;
    this.marketTime = ctx.now();
    this.equity = ctx.portfolio.equity;
  }

  private onOrder(event: OrderEvent): void {
    if (event.type === 'OrderFilled') this.fills += 1;
    else if (event.type === 'OrderAccepted') this.orders.add(event.orderId);
  }
}
