import {
  formatAmount, OrderStatus, toOrderId, ZERO,
  type EpochMs, type OrderAccepted, type OrderClosed, type OrderDenied, type OrderEvent, type OrderId, type VenueOrderId,
} from '../../core/index.js';
import { orderFromRow } from './journal-rows.js';
import {
  attachVenueId, findOrder, insertEvent, insertFill, insertOrderFromIntent, nextStatus, refreshFilled, requireOrder,
} from './journal-order-writes.js';
import type { JournalStatements } from './journal-statements.js';
import type { ExternalOrderInfo, FillOutcome } from './journal-types.js';

const CLOSED_STATUS = {
  OrderCanceled: OrderStatus.CANCELED,
  OrderRejected: OrderStatus.REJECTED,
  OrderExpired: OrderStatus.EXPIRED,
} as const;

function onAccepted(s: JournalStatements, event: OrderAccepted): void {
  let order = findOrder(s, event.orderId);
  if (order === undefined) {
    insertOrderFromIntent(s, event.intent, OrderStatus.PENDING_NEW, event.ts);
    order = findOrder(s, event.orderId);
  }
  if (order === undefined) return;
  attachVenueId(s, order, event.venueOrderId, event.ts);
  // Fills that arrived before the acknowledgement were stored without an order to update.
  const accepted = findOrder(s, event.orderId);
  if (accepted !== undefined) refreshFilled(s, accepted, event.ts);
}

function onClosed(s: JournalStatements, event: OrderClosed): void {
  const order = requireOrder(s, event.orderId, event.type);
  s.setOrderStatus.run({ orderId: order.orderId, status: nextStatus(order.status, CLOSED_STATUS[event.type]), ts: event.ts });
}

// A denied intent was never sent; if it was journaled as pending it must stop looking like an
// unknown place outcome, so it is closed as REJECTED.
function onDenied(s: JournalStatements, event: OrderDenied): void {
  const order = findOrder(s, event.orderId);
  if (order === undefined) insertOrderFromIntent(s, event.intent, OrderStatus.REJECTED, event.ts);
  else if (order.venueOrderId === undefined) {
    s.setOrderStatus.run({ orderId: order.orderId, status: nextStatus(order.status, OrderStatus.REJECTED), ts: event.ts });
  }
}

/**
 * Applies one order event to `orders` and appends it to `order_events`. A fill event whose exec id
 * is already stored is a repeat: it returns `'duplicate'` and writes nothing. Statuses only move
 * along the order state machine, so a late or reordered event never regresses an order; a late
 * fill after a cancel still counts in the filled quantity.
 */
export function applyOrderEvent(s: JournalStatements, event: OrderEvent): FillOutcome {
  switch (event.type) {
    case 'OrderAccepted':
      onAccepted(s, event);
      break;
    case 'OrderFilled': {
      if (insertFill(s, event.fill) === 'duplicate') return 'duplicate';
      const order = findOrder(s, event.orderId);
      if (order !== undefined) s.setOrderStatus.run({ orderId: order.orderId, status: nextStatus(order.status, event.status), ts: event.ts });
      break;
    }
    case 'OrderCanceled':
    case 'OrderRejected':
    case 'OrderExpired':
      onClosed(s, event);
      break;
    case 'OrderDenied':
      onDenied(s, event);
      break;
    case 'OrderReplaced': {
      // The new venue id maps to the same runner order; the event row keeps the new terms.
      const order = findOrder(s, event.orderId);
      if (order !== undefined) s.setVenueId.run({ orderId: order.orderId, venueOrderId: event.venueOrderId, status: order.status, ts: event.ts });
      break;
    }
    default: {
      const never: never = event;
      return never;
    }
  }
  insertEvent(s, event.orderId, event.type, event.ts, event);
  return 'applied';
}

/** Marks the order with this venue id as placed outside the runner, adding it when unknown; returns its id. */
export function markExternalOrder(s: JournalStatements, venueOrderId: VenueOrderId, info: ExternalOrderInfo, ts: EpochMs): OrderId {
  const row: unknown = s.orderByVenueId.get(venueOrderId);
  const known = row === undefined ? undefined : orderFromRow(row);
  const orderId = known?.orderId ?? toOrderId(`EXT-${venueOrderId}`);
  if (known === undefined) {
    s.insertOrder.run({
      orderId, venueOrderId, status: info.status, symbol: info.symbol, side: info.side, qty: formatAmount(info.qty),
      filledQty: formatAmount(info.filledQty ?? ZERO), avgPrice: formatAmount(info.avgPrice ?? ZERO), external: 1, ts,
    });
  } else s.setExternal.run({ orderId, ts });
  insertEvent(s, orderId, 'MarkedExternal', ts, { venueOrderId, ...info });
  return orderId;
}

/** Records the place response: the venue's id for an order journaled before the send. */
export function applyPlaceAck(s: JournalStatements, orderId: OrderAccepted['orderId'], venueOrderId: OrderAccepted['venueOrderId'], ts: EpochMs): void {
  const order = requireOrder(s, orderId, 'place acknowledgement');
  attachVenueId(s, order, venueOrderId, ts);
  insertEvent(s, orderId, 'PlaceAcknowledged', ts, { orderId, venueOrderId });
}
