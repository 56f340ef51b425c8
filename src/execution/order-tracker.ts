import {
  canTransition, isOpen, isTerminal, mulAmount, divAmount, OrderStatus, RunnerError, ZERO,
  type Order, type OrderEvent, type OrderId,
} from '../core/index.js';

/** How an {@link OrderTracker} treats orders that reached a terminal state. */
export interface OrderTrackerOptions {
  /**
   * Forget an order as soon as it is terminal, after handing its final state to `onTerminal`, so
   * memory follows the working orders rather than the run's length (backtests). An event for a
   * forgotten order then throws `ORDER_ERR_UNKNOWN`, like any unknown order. Default `false`:
   * every order is kept (live and paper, where a late fill after a cancel must still be booked).
   */
  readonly forgetTerminal?: boolean;
  /** Called with an order's state whenever it becomes (or, when kept, stays) terminal. */
  readonly onTerminal?: (order: Order) => void;
}

/**
 * The runner's own view of every order, rebuilt from order events through the state machine. An
 * event that would break the state machine (a fill after cancel, an overfill) is a broken
 * invariant and throws `ORDER_ERR_TRANSITION`.
 */
export class OrderTracker {
  private readonly orders = new Map<OrderId, Order>();
  private readonly working: Map<OrderId, Order>;

  constructor(private readonly options: OrderTrackerOptions = {}) {
    // An order is open exactly when it is not terminal, so a tracker that forgets terminal orders
    // holds only working ones: one map serves both (half the map churn per order in a backtest).
    this.working = options.forgetTerminal === true ? this.orders : new Map<OrderId, Order>();
  }

  /** Returns the order with this id. */
  get(id: OrderId): Order | undefined {
    return this.orders.get(id);
  }

  /** Returns every order kept (all of them unless `forgetTerminal`), in the order they were first seen. */
  all(): readonly Order[] {
    return [...this.orders.values()];
  }

  /** Returns the orders not yet in a terminal state. */
  open(): readonly Order[] {
    return [...this.working.values()];
  }

  /** Applies an order event and returns the order after it. */
  apply(event: OrderEvent): Order | undefined {
    switch (event.type) {
      case 'OrderDenied':
        return undefined;
      case 'OrderAccepted': {
        const known = this.orders.get(event.orderId);
        // A second acceptance must not reset a filled or closed order to NEW: it goes through the state machine.
        if (known !== undefined) return this.move(known, { ...known, status: OrderStatus.NEW, venueOrderId: event.venueOrderId, tsUpdated: event.ts });
        return this.store({
          id: event.orderId, intent: event.intent, status: OrderStatus.NEW, filledQty: ZERO, avgFillPrice: ZERO,
          venueOrderId: event.venueOrderId, tsUpdated: event.ts,
        });
      }
      case 'OrderFilled': {
        const order = this.require(event.orderId, event.type);
        const filledQty = order.filledQty + event.fill.qty;
        if (filledQty > order.intent.qty) {
          throw new RunnerError('ORDER_ERR_TRANSITION', `order ${order.id} overfilled: ${filledQty} > ${order.intent.qty}`);
        }
        const cost = mulAmount(order.filledQty, order.avgFillPrice) + mulAmount(event.fill.qty, event.fill.price);
        const avgFillPrice = divAmount(cost, filledQty);
        // A fill reported after the order closed (a cancel racing a fill) still happened: book it, keep the status.
        if (isTerminal(order.status)) return this.store({ ...order, filledQty, avgFillPrice, tsUpdated: event.ts });
        const status = filledQty === order.intent.qty ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED;
        return this.move(order, { ...order, status, filledQty, avgFillPrice, tsUpdated: event.ts });
      }
      case 'OrderReplaced': {
        const order = this.require(event.orderId, event.type);
        const intent = {
          ...order.intent, qty: event.qty,
          ...(event.limitPrice !== undefined ? { limitPrice: event.limitPrice } : {}),
          ...(event.stopPrice !== undefined ? { stopPrice: event.stopPrice } : {}),
        };
        return this.store({ ...order, intent, venueOrderId: event.venueOrderId, tsUpdated: event.ts });
      }
      case 'OrderCanceled':
      case 'OrderRejected':
      case 'OrderExpired': {
        // A place the venue refused outright was never accepted: nothing to track.
        if (event.type === 'OrderRejected' && !this.orders.has(event.orderId)) return undefined;
        const order = this.require(event.orderId, event.type);
        const status = event.type === 'OrderCanceled' ? OrderStatus.CANCELED : event.type === 'OrderRejected' ? OrderStatus.REJECTED : OrderStatus.EXPIRED;
        return this.move(order, { ...order, status, tsUpdated: event.ts });
      }
      default: {
        const never: never = event;
        return never;
      }
    }
  }

  private require(id: OrderId, what: string): Order {
    const order = this.orders.get(id);
    if (order === undefined) throw new RunnerError('ORDER_ERR_UNKNOWN', `${what} for unknown order ${id}`);
    return order;
  }

  private move(from: Order, to: Order): Order {
    if (!canTransition(from.status, to.status)) {
      throw new RunnerError('ORDER_ERR_TRANSITION', `order ${from.id} cannot go from ${from.status} to ${to.status}`);
    }
    return this.store(to);
  }

  private store(order: Order): Order {
    this.orders.set(order.id, order);
    if (isOpen(order.status)) this.working.set(order.id, order);
    else this.working.delete(order.id);
    if (isTerminal(order.status)) {
      if (this.options.forgetTerminal === true) this.orders.delete(order.id);
      this.options.onTerminal?.(order);
    }
    return order;
  }
}
