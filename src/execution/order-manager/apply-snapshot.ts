import {
  formatAmount, isTerminal, OrderStatus, toExecId,
  type EpochMs, type Fill, type OrderClosed, type OrderEvent, type OrderFilled,
} from '../../core/index.js';
import { deriveFill } from './derive-fill.js';
import type { ManagedOrder } from './managed-order.js';
import type { ApplyResult, OrderIssue } from './order-issue.js';
import type { VenueOrderSnapshot } from './venue-order-snapshot.js';

/** Counters the manager keeps for monitoring. */
export interface OrderManagerCounters {
  duplicates: number;
  stale: number;
  overfills: number;
  lateFills: number;
  external: number;
}

const CLOSING: Readonly<Partial<Record<OrderStatus, OrderClosed['type']>>> = {
  CANCELED: 'OrderCanceled',
  REJECTED: 'OrderRejected',
  EXPIRED: 'OrderExpired',
};

/**
 * Applies one venue snapshot to a managed order and returns the events it implies. Fills come
 * first and only from a rise in cumulative quantity, so replays and stale listings add nothing;
 * a close is taken only from the chain's current venue id, and terminal states are absorbing.
 * `isCurrent` is false for a report about an id the order has since been replaced away from.
 */
export function applySnapshot(
  order: ManagedOrder, snap: VenueOrderSnapshot, isCurrent: boolean, now: EpochMs, counters: OrderManagerCounters,
): ApplyResult {
  const orderId = order.intent.id;
  const venueOrderId = snap.venueOrderId;
  if (isCurrent && !isTerminal(order.status) && snap.qty > 0n) order.qty = snap.qty;
  if (snap.filledQty > order.qty) {
    counters.overfills += 1;
    return { events: [], issues: [{ kind: 'overfill', orderId, venueOrderId, filledQty: snap.filledQty, qty: order.qty }] };
  }
  if (snap.filledQty < order.filledQty) {
    counters.stale += 1;
    return { events: [], issues: [{ kind: 'stale', orderId, venueOrderId, filledQty: snap.filledQty, knownQty: order.filledQty }] };
  }
  order.lastEventMs = now;
  const ts = snap.tsUpdated ?? now;
  const events: OrderEvent[] = [];
  const issues: OrderIssue[] = [];
  const filled = fillFrom(order, snap, ts);
  if (filled !== undefined) {
    if (filled.type === 'late') {
      counters.lateFills += 1;
      issues.push({ kind: 'late-fill', fill: filled.fill });
      // The fill happened even though the order had closed: the ledger must see it.
      events.push({
        kind: 'order', type: 'OrderFilled', orderId, fill: filled.fill, filledQty: order.filledQty,
        leavesQty: order.qty - order.filledQty, status: order.status, ts,
      });
    } else events.push(filled.event);
  }
  const closed = isCurrent ? closeFrom(order, snap, ts) : undefined;
  if (closed !== undefined) events.push(closed);
  if (filled === undefined && closed === undefined) counters.duplicates += 1;
  return { events, issues };
}

type FillOutcome = { readonly type: 'event'; readonly event: OrderFilled } | { readonly type: 'late'; readonly fill: Fill };

function fillFrom(order: ManagedOrder, snap: VenueOrderSnapshot, ts: EpochMs): FillOutcome | undefined {
  const derived = deriveFill({ filledQty: order.filledQty, venueAvgPrice: order.venueAvgPrice }, snap);
  if (derived === undefined) return undefined;
  const wasTerminal = isTerminal(order.status);
  order.addFill(derived.qty, derived.price);
  order.venueAvgPrice = snap.avgFillPrice > 0n ? snap.avgFillPrice : order.avgFillPrice;
  const { intent } = order;
  const fill: Fill = {
    orderId: intent.id, execId: toExecId(`${snap.venueOrderId}:${formatAmount(snap.filledQty)}`), symbol: intent.symbol,
    side: intent.side, qty: derived.qty, price: derived.price, commission: 0n, ts,
  };
  if (wasTerminal) return { type: 'late', fill };
  order.status = order.filledQty === order.qty ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED;
  const event: OrderFilled = {
    kind: 'order', type: 'OrderFilled', orderId: intent.id, fill, filledQty: order.filledQty,
    leavesQty: order.qty - order.filledQty, status: order.status, ts,
  };
  return { type: 'event', event };
}

function closeFrom(order: ManagedOrder, snap: VenueOrderSnapshot, ts: EpochMs): OrderClosed | undefined {
  if (snap.status === undefined || isTerminal(order.status)) return undefined;
  const type = CLOSING[snap.status];
  if (type === undefined) return undefined;
  order.status = snap.status;
  return { kind: 'order', type, orderId: order.intent.id, reason: snap.reason ?? snap.status, ts };
}
