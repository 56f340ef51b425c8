import {
  isOpen, OrderStatus, RunnerError,
  type Amount, type EpochMs, type Order, type OrderAccepted, type OrderClosed, type OrderId, type OrderIntent, type VenueOrderId,
} from '../../core/index.js';
import type { OrderEvent } from '../../core/index.js';
import { applySnapshot, type OrderManagerCounters } from './apply-snapshot.js';
import { ManagedOrder } from './managed-order.js';
import { joinResults, noResult, type ApplyResult } from './order-issue.js';
import type { VenueOrderSnapshot } from './venue-order-snapshot.js';

/** Where the manager reports what it refused or could not place. */
export interface OrderManagerLog {
  warn(message: string, context?: Readonly<Record<string, unknown>>): void;
}

/** Options of an {@link OrderManager}. */
export interface OrderManagerOptions {
  /** How long after its last event an order counts as recent (T-8); default 5,000 ms. */
  readonly recentMs?: number;
  readonly log?: OrderManagerLog;
}

/** The default recent-order window (reliability T-8). */
export const RECENT_ORDER_MS = 5_000;

/**
 * Turns venue order reports into the engine's order events. Orders are keyed by the venue id
 * (Aries `clOrdId`, server-generated, so only known once the place response names it) and
 * mapped to the runner's order id; replace chains share one runner order. Reports for an id no
 * acknowledgement has named yet are buffered while a place is in flight (fill before ack) and
 * reported as external once none is. Pure: time comes in as `now`.
 */
export class OrderManager {
  private readonly orders = new Map<OrderId, ManagedOrder>();
  private readonly byVenueId = new Map<VenueOrderId, OrderId>();
  private readonly pending = new Map<OrderId, OrderIntent>();
  private readonly buffered = new Map<VenueOrderId, VenueOrderSnapshot[]>();
  private readonly external = new Map<VenueOrderId, VenueOrderSnapshot>();
  private readonly counts: OrderManagerCounters = { duplicates: 0, stale: 0, overfills: 0, lateFills: 0, external: 0 };
  private readonly recentMs: number;

  constructor(private readonly options: OrderManagerOptions = {}) {
    this.recentMs = options.recentMs ?? RECENT_ORDER_MS;
  }

  /** Returns the monitoring counters (duplicates, stale reports, overfills, late fills, external orders). */
  get counters(): Readonly<OrderManagerCounters> {
    return { ...this.counts };
  }

  /** Takes over an order from the journal after a restart (no event: strategies already saw its past). */
  restore(order: Order, now: EpochMs): void {
    const managed = new ManagedOrder(order.intent, order.venueOrderId, order.status, now);
    managed.addFill(order.filledQty, order.avgFillPrice);
    managed.venueAvgPrice = order.avgFillPrice;
    this.orders.set(order.id, managed);
    if (order.venueOrderId === undefined) this.pending.set(order.id, order.intent);
    else this.byVenueId.set(order.venueOrderId, order.id);
  }

  /** Records that `intent` is about to be sent, so reports for not-yet-named ids are held. */
  expectPlace(intent: OrderIntent, now: EpochMs): void {
    if (this.orders.has(intent.id) || this.pending.has(intent.id)) {
      throw new RunnerError('EXEC_ERR_DUPLICATE_ORDER', `order ${intent.id} is already known to the order manager`);
    }
    this.pending.set(intent.id, intent);
    this.orders.set(intent.id, new ManagedOrder(intent, undefined, OrderStatus.PENDING_NEW, now));
  }

  /** Maps the venue id the place response named, emits `OrderAccepted`, then applies held reports. */
  acknowledge(orderId: OrderId, venueOrderId: VenueOrderId, now: EpochMs): ApplyResult {
    const intent = this.pending.get(orderId);
    const order = this.orders.get(orderId);
    if (intent === undefined || order === undefined) {
      throw new RunnerError('EXEC_ERR_UNKNOWN_ORDER', `acknowledgement for order ${orderId}, which has no place in flight`);
    }
    this.pending.delete(orderId);
    order.venueOrderId = venueOrderId;
    order.status = OrderStatus.NEW;
    order.lastEventMs = now;
    this.byVenueId.set(venueOrderId, orderId);
    const accepted: OrderAccepted = { kind: 'order', type: 'OrderAccepted', orderId, intent, venueOrderId, ts: now };
    const held = this.buffered.get(venueOrderId) ?? [];
    this.buffered.delete(venueOrderId);
    const replayed = held.map((s) => this.apply(s, now));
    return joinResults([{ events: [accepted], issues: [] }, ...replayed, this.releaseIfIdle(now)]);
  }

  /** Records a definite refusal of a place: emits `OrderRejected` and forgets the order. */
  rejectPlace(orderId: OrderId, reason: string, now: EpochMs): ApplyResult {
    const order = this.orders.get(orderId);
    if (!this.pending.delete(orderId) || order === undefined) return noResult();
    order.status = OrderStatus.REJECTED;
    order.lastEventMs = now;
    const rejected: OrderClosed = { kind: 'order', type: 'OrderRejected', orderId, reason, ts: now };
    return joinResults([{ events: [rejected], issues: [] }, this.releaseIfIdle(now)]);
  }

  /** Links a replacement id to the order of `origVenueOrderId` (from a replace acknowledgement). */
  linkReplace(origVenueOrderId: VenueOrderId, newVenueOrderId: VenueOrderId, qty: Amount | undefined, now: EpochMs): ApplyResult {
    const orderId = this.byVenueId.get(origVenueOrderId);
    const order = orderId === undefined ? undefined : this.orders.get(orderId);
    if (orderId === undefined || order === undefined) {
      throw new RunnerError('EXEC_ERR_UNKNOWN_ORDER', `replace of venue order ${origVenueOrderId}, which the runner does not own`);
    }
    this.byVenueId.set(newVenueOrderId, orderId);
    order.venueOrderId = newVenueOrderId;
    if (qty !== undefined) order.qty = qty;
    order.lastEventMs = now;
    const replaced: OrderEvent = { kind: 'order', type: 'OrderReplaced', orderId, venueOrderId: newVenueOrderId, qty: order.qty, ts: now };
    const held = this.buffered.get(newVenueOrderId) ?? [];
    this.buffered.delete(newVenueOrderId);
    return joinResults([{ events: [replaced], issues: [] }, ...held.map((s) => this.apply(s, now))]);
  }

  /** Applies one venue report (socket update, REST listing row or snapshot entry). */
  apply(snap: VenueOrderSnapshot, now: EpochMs): ApplyResult {
    const known = this.byVenueId.get(snap.venueOrderId);
    if (known !== undefined) return this.applyOwned(known, snap, now);
    const orig = snap.origVenueOrderId === undefined ? undefined : this.byVenueId.get(snap.origVenueOrderId);
    if (orig !== undefined && snap.origVenueOrderId !== undefined) {
      return joinResults([this.linkReplace(snap.origVenueOrderId, snap.venueOrderId, snap.qty, now), this.applyOwned(orig, snap, now)]);
    }
    if (this.pending.size > 0 && !this.external.has(snap.venueOrderId)) {
      const held = this.buffered.get(snap.venueOrderId) ?? [];
      held.push(snap);
      this.buffered.set(snap.venueOrderId, held);
      return { events: [], issues: [{ kind: 'buffered', venueOrderId: snap.venueOrderId }] };
    }
    return this.markExternal(snap);
  }

  /** Returns the runner order id a venue id belongs to. */
  orderIdOf(venueOrderId: VenueOrderId): OrderId | undefined {
    return this.byVenueId.get(venueOrderId);
  }

  /** Returns one order in core vocabulary. */
  get(orderId: OrderId): Order | undefined {
    return this.orders.get(orderId)?.toOrder();
  }

  /** Returns the orders still working (placed and acknowledged, or in flight). */
  open(): readonly Order[] {
    return [...this.orders.values()].filter((o) => isOpen(o.status)).map((o) => o.toOrder());
  }

  /** Returns the intents whose place is still in flight (sent, not yet named by the venue). */
  inFlight(): readonly OrderIntent[] {
    return [...this.pending.values()];
  }

  /** Returns the latest report of every order placed outside the runner. */
  externalOrders(): readonly VenueOrderSnapshot[] {
    return [...this.external.values()];
  }

  /** Returns whether the order's last event is under the recent window old (T-8: never call it missing). */
  isRecent(orderId: OrderId, now: EpochMs): boolean {
    const order = this.orders.get(orderId);
    return order !== undefined && now - order.lastEventMs < this.recentMs;
  }

  private applyOwned(orderId: OrderId, snap: VenueOrderSnapshot, now: EpochMs): ApplyResult {
    const order = this.orders.get(orderId);
    if (order === undefined) return noResult();
    const result = applySnapshot(order, snap, order.venueOrderId === snap.venueOrderId, now, this.counts);
    for (const issue of result.issues) {
      if (issue.kind === 'overfill' || issue.kind === 'late-fill') this.options.log?.warn(`order report refused or late: ${issue.kind}`, { orderId });
    }
    return result;
  }

  private markExternal(snap: VenueOrderSnapshot): ApplyResult {
    const seen = this.external.has(snap.venueOrderId);
    this.external.set(snap.venueOrderId, snap);
    if (seen) return noResult();
    this.counts.external += 1;
    this.options.log?.warn('order placed outside the runner', { venueOrderId: snap.venueOrderId, symbol: snap.symbol });
    return { events: [], issues: [{ kind: 'external', snapshot: snap }] };
  }

  /** With no place in flight, nothing can still claim the held reports: they are external. */
  private releaseIfIdle(now: EpochMs): ApplyResult {
    if (this.pending.size > 0) return noResult();
    const held = [...this.buffered.values()].flat();
    this.buffered.clear();
    return joinResults(held.map((s) => this.apply(s, now)));
  }
}
