import type { Observable } from 'rxjs';
import type { MarketData, MaybePromise, Order, OrderEvent, OrderId, OrderIntent } from '../core/index.js';
import type { ExecutionAdapter, Journal } from '../execution/index.js';
import type { OrderPreview, SubmitOutcome, TradingStateRecord, TradingStateStore } from '../risk/index.js';

/** What journals an intent: the {@link Journal} itself, or the session's decision batcher in front of it. */
export interface IntentRecorder {
  recordIntent(intent: OrderIntent): void;
}

/**
 * Wraps an execution adapter so every intent is committed to the journal before the adapter may
 * send it: after a crash the journal knows about every order that might exist at the venue.
 */
export class JournaledAdapter implements ExecutionAdapter {
  readonly events$: Observable<OrderEvent>;

  constructor(private readonly inner: ExecutionAdapter, private readonly journal: IntentRecorder) {
    this.events$ = inner.events$;
  }

  connect(): Promise<void> {
    return this.inner.connect();
  }

  disconnect(): Promise<void> {
    return this.inner.disconnect();
  }

  preview(intent: OrderIntent): MaybePromise<OrderPreview> {
    return this.inner.preview(intent);
  }

  submit(intent: OrderIntent): MaybePromise<SubmitOutcome> {
    this.journal.recordIntent(intent);
    return this.inner.submit(intent);
  }

  cancel(orderId: OrderId): MaybePromise<void> {
    return this.inner.cancel(orderId);
  }

  openOrders(): readonly Order[] {
    return this.inner.openOrders();
  }

  observeMarketData(data: MarketData): void {
    this.inner.observeMarketData?.(data);
  }
}

/** Returns the journal as the kill switch's store, so HALTED survives a restart. */
export function journalTradingStateStore(journal: Journal): TradingStateStore {
  return {
    load: (): TradingStateRecord | undefined => journal.tradingState(),
    save: (r) => journal.setTradingState(r.status, r.reason, r.ts),
  };
}
