import type { Order, OrderDenied, OrderIntent } from '../core/index.js';
import { OrderListHasher, RecordLog, recordCodecs, type OrderRecord, type RecordSeries } from '../report/index.js';
import { IdOrderBuffer } from './id-order-buffer.js';

/**
 * Builds a backtest's order list as orders finish, in bounded memory: the engine tracks orders
 * only while they work and hands each one over as it finishes ({@link OrderRecorder.finished});
 * each finished order or denied intent becomes an {@link OrderRecord} at once, and a small reorder
 * buffer releases the records in order-id order into a {@link RecordLog} that spills to disk on
 * long runs.
 *
 * Ordering contract: {@link OrderRecorder.release} must only be called when every intent created
 * so far has had its first event (accepted or denied) observed — in a backtest, at each bar
 * close, since the simulated venue and the gate answer synchronously. A record then waits only
 * for orders with smaller ids that are still working.
 */
export class OrderRecorder {
  private readonly waiting = new IdOrderBuffer<OrderRecord>();
  private readonly log = new RecordLog(recordCodecs.order, 'orders');
  /** The order-list hash, fed as records enter the list (in list order), so the list is never read back for it. */
  private readonly hasher = new OrderListHasher();
  private released = Number.NEGATIVE_INFINITY;
  /** Whether anything arrived since the last release (nothing can be released otherwise). */
  private changed = false;

  /**
   * `working` returns the orders still working (the engine's tracker); `releaseAt` is how many
   * finished records may wait before a release moves them (a memory bound; tests lower it).
   */
  constructor(private readonly working: () => readonly Order[], private readonly releaseAt = RELEASE_AT) {}

  /** Records an order that reached a terminal state, with that state. */
  finished(order: Order): void {
    this.changed = true;
    this.waiting.add(idNumber(order.id), record(order.intent, order.status, order.filledQty, order.avgFillPrice));
  }

  /** Records a denied intent; a denial reported twice is recorded once. */
  denied(event: OrderDenied): void {
    this.changed = true;
    const n = idNumber(event.orderId);
    if (n <= this.released) return;
    this.waiting.add(n, record(event.intent, 'DENIED', 0n, 0n));
  }

  /** Moves every finished record no working order precedes into the list, in id order. */
  release(): void {
    // Releasing early only bounds memory; a few hundred records waiting cost less than scanning the working orders every bar.
    if (!this.changed || this.waiting.size < this.releaseAt) return;
    this.changed = false;
    let limit = Number.POSITIVE_INFINITY;
    for (const order of this.working()) limit = Math.min(limit, idNumber(order.id));
    this.waiting.releaseBelow(limit, (n, r) => this.append(n, r));
  }

  /** Returns the whole list (orders still working included with their state now, by order id) and its hash; call once. */
  finish(): { readonly orders: RecordSeries<OrderRecord>; readonly orderListHash: string } {
    for (const order of this.working()) this.finished(order);
    this.waiting.releaseBelow(Number.POSITIVE_INFINITY, (n, r) => this.append(n, r));
    return { orders: this.log.series(), orderListHash: this.hasher.digest() };
  }

  private append(n: number, r: OrderRecord): void {
    this.released = n;
    this.log.add(r);
    this.hasher.add(r);
  }
}

/** Finished records that may wait before a release moves them into the list. */
const RELEASE_AT = 512;

function record(intent: OrderIntent, status: string, filledQty: bigint, avgFillPrice: bigint): OrderRecord {
  return {
    id: intent.id, ts: intent.tsCreated, symbol: intent.symbol, side: intent.side, type: intent.type, tif: intent.tif,
    qty: intent.qty, status, filledQty, avgFillPrice,
    ...(intent.limitPrice !== undefined ? { limitPrice: intent.limitPrice } : {}),
    ...(intent.stopPrice !== undefined ? { stopPrice: intent.stopPrice } : {}),
    ...(intent.tag !== undefined ? { tag: intent.tag } : {}),
  };
}

function idNumber(id: string): number {
  return Number(id.slice(id.lastIndexOf('-') + 1));
}
