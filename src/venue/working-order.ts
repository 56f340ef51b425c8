import {
  amountToNumber, OrderStatus, type Amount, type EpochMs, type Order, type OrderIntent, type VenueOrderId,
} from '../core/index.js';
import type { BarOrder } from './bar-fill-rules.js';

/** The simulated venue's mutable record of one working order. */
export interface WorkingOrder extends BarOrder {
  readonly intent: OrderIntent;
  readonly venueOrderId: VenueOrderId;
  readonly acceptedAt: EpochMs;
  /** When a DAY order expires (its session's close); `undefined` for GTC, IOC and FOK. */
  readonly expireAt: EpochMs | undefined;
  filled: Amount;
  cost: Amount;
  triggered: boolean;
  fills: number;
}

/** Returns a working order for an accepted intent. */
export function newWorkingOrder(intent: OrderIntent, venueOrderId: VenueOrderId, acceptedAt: EpochMs, expireAt: EpochMs | undefined): WorkingOrder {
  return {
    intent, venueOrderId, acceptedAt, expireAt,
    side: intent.side,
    type: intent.type,
    limit: intent.limitPrice === undefined ? Number.NaN : amountToNumber(intent.limitPrice),
    stop: intent.stopPrice === undefined ? Number.NaN : amountToNumber(intent.stopPrice),
    filled: 0n, cost: 0n, triggered: false, fills: 0,
  };
}

/** Returns the public {@link Order} view of a working order. */
export function toOrder(w: WorkingOrder, ts: EpochMs): Order {
  return {
    id: w.intent.id, intent: w.intent,
    status: w.filled === 0n ? OrderStatus.NEW : OrderStatus.PARTIALLY_FILLED,
    filledQty: w.filled,
    avgFillPrice: w.filled === 0n ? 0n : (w.cost * 100_000_000n) / w.filled,
    venueOrderId: w.venueOrderId, tsUpdated: ts,
  };
}
