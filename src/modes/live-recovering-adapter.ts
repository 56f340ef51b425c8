import { Observable, type Subscriber, type Subscription } from 'rxjs';
import type { MaybePromise, Order, OrderEvent, OrderId, OrderIntent } from '../core/index.js';
import type { ApplyResult, ExecutionAdapter } from '../execution/index.js';
import type { OrderPreview, SubmitOutcome } from '../risk/index.js';

/**
 * The live adapter as the engine sees it after start-up reconciliation. While reconciliation
 * runs, order events (the venue's reports of orders from earlier runs) go to a start-up sink (the
 * journal) and not to strategies, which already saw those orders' past. Afterwards events are
 * held until the engine subscribes, so none is lost in between; the engine first gets an
 * `OrderAccepted` for every order still working from an earlier run (for the quantity still to
 * fill), so its order tracker knows the orders whose later fills it will see.
 */
export class RecoveringAdapter implements ExecutionAdapter {
  readonly events$: Observable<OrderEvent>;
  private readonly backlog: OrderEvent[] = [];
  private readonly innerEvents: Subscription;
  private readonly extras: Subscription[] = [];
  private startupSink: ((event: OrderEvent) => void) | undefined;
  private target: Subscriber<OrderEvent> | undefined;

  constructor(private readonly inner: ExecutionAdapter, startupSink: (event: OrderEvent) => void) {
    this.startupSink = startupSink;
    this.innerEvents = inner.events$.subscribe((e) => this.push(e));
    this.events$ = new Observable<OrderEvent>((subscriber) => {
      this.target = subscriber;
      for (let e = this.backlog.shift(); e !== undefined; e = this.backlog.shift()) subscriber.next(e);
      return () => {
        if (this.target === subscriber) this.target = undefined;
      };
    });
  }

  /** Routes the events of order-manager calls made outside the inner adapter (reconciliation passes). */
  pushResults(results: readonly ApplyResult[]): void {
    for (const r of results) for (const e of r.events) this.push(e);
  }

  /** Ends the start-up phase: later events go to the engine, after `replay`. */
  endStartup(replay: readonly OrderEvent[]): void {
    this.startupSink = undefined;
    this.backlog.unshift(...replay);
  }

  /** Keeps a subscription (the reconnect watcher) alive until {@link disconnect}. */
  own(subscription: Subscription): void {
    this.extras.push(subscription);
  }

  connect(): Promise<void> {
    return this.inner.connect();
  }

  /** Stops the reconnect watcher and disconnects the inner adapter. */
  async disconnect(): Promise<void> {
    for (const s of this.extras) s.unsubscribe();
    this.innerEvents.unsubscribe();
    await this.inner.disconnect();
  }

  preview(intent: OrderIntent): MaybePromise<OrderPreview> {
    return this.inner.preview(intent);
  }

  submit(intent: OrderIntent): MaybePromise<SubmitOutcome> {
    return this.inner.submit(intent);
  }

  cancel(orderId: OrderId): MaybePromise<void> {
    return this.inner.cancel(orderId);
  }

  openOrders(): readonly Order[] {
    return this.inner.openOrders();
  }

  private push(event: OrderEvent): void {
    if (this.startupSink !== undefined) this.startupSink(event);
    else if (this.target !== undefined) this.target.next(event);
    else this.backlog.push(event);
  }
}
