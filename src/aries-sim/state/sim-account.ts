import type { Subscription } from 'rxjs';
import { mulAmount, type Amount, type Bar, type OrderEvent } from '../../core/index.js';
import { Ledger } from '../../portfolio/index.js';
import type { Clock } from '../../time/index.js';
import type { SimulatedVenue } from '../../venue/index.js';
import { balancesWire, flatPositionWire, positionWire } from './account-wire.js';
import { isWorking, orderV2, recordFill, type SimOrder } from './sim-order.js';

/** Publishes one account-socket payload for this account. */
export type AccountPublisher = (payload: Readonly<Record<string, unknown>>) => void;

/**
 * One simulated account: its ledger, its orders and its own SimulatedVenue. Venue events update
 * the orders and the ledger and are published as `account.order`/`account.position`/
 * `account.balance` payloads, in the order they happen.
 */
export class SimAccount {
  readonly ledger: Ledger;
  private readonly orders = new Map<string, SimOrder>();
  private readonly opened = new Map<string, number>();
  private valueBought: Amount = 0n;
  private valueSold: Amount = 0n;
  private readonly subscription: Subscription;

  constructor(
    readonly id: string,
    cash: Amount,
    readonly venue: SimulatedVenue,
    private readonly clock: Clock,
    private readonly publish: AccountPublisher,
  ) {
    this.ledger = new Ledger(cash);
    this.subscription = venue.events$.subscribe((e) => this.onVenueEvent(e));
  }

  /** Returns the order with this `clOrdId`. */
  order(clOrdId: string): SimOrder | undefined {
    return this.orders.get(clOrdId);
  }

  /** Returns every order, oldest first. */
  allOrders(): readonly SimOrder[] {
    return [...this.orders.values()];
  }

  /** Adds an order record (before it is submitted, so the venue's events find it). */
  addOrder(o: SimOrder): void {
    this.orders.set(o.clOrdId, o);
  }

  /** Publishes the order's current state as an `account.order` event. */
  publishOrder(o: SimOrder): void {
    this.publish({ action: 'update', type: 'account.order', data: orderV2(o), timestamp: this.clock.now() });
  }

  /** Feeds a bar to the venue and marks the book. */
  observeBar(bar: Bar): void {
    this.venue.observeMarketData(bar);
    this.ledger.mark(bar.symbol, bar.close);
  }

  /** Returns the balances body. */
  balances(): Record<string, unknown> {
    return balancesWire({
      accountId: this.id, ledger: this.ledger, startOfDayCash: this.ledger.startingCash,
      pendingOrders: this.allOrders().filter(isWorking).length, valueBought: this.valueBought, valueSold: this.valueSold,
      now: this.clock.now(),
    });
  }

  /** Returns the open positions in wire form. */
  positions(): Record<string, unknown>[] {
    return this.ledger.positions().map((p) => positionWire(this.id, this.ledger, p, this.opened.get(p.symbol) ?? this.clock.now()));
  }

  /** Returns the account-socket snapshot: open orders, positions and balance. */
  snapshot(): Record<string, unknown> {
    return { accountId: this.id, orders: this.allOrders().filter(isWorking).map(orderV2), positions: this.positions(), balance: this.balances() };
  }

  /** Stops listening to the venue. */
  dispose(): void {
    this.subscription.unsubscribe();
  }

  private onVenueEvent(e: OrderEvent): void {
    const o = this.orders.get(e.orderId);
    if (o === undefined) return;
    switch (e.type) {
      case 'OrderAccepted':
        this.publishOrder(o);
        return;
      case 'OrderFilled':
        this.onFill(o, e.fill.qty, e.fill.price, e);
        return;
      case 'OrderCanceled':
      case 'OrderExpired':
      case 'OrderRejected':
        // A replaced order leaves the venue as a cancel but is SUPERSEDED on the wire.
        if (o.status !== 'SUPERSEDED') o.status = e.type === 'OrderCanceled' ? 'CANCELED' : e.type === 'OrderExpired' ? 'EXPIRED' : 'REJECTED';
        if (o.status !== 'SUPERSEDED' && e.type !== 'OrderCanceled') o.text = e.reason;
        o.updatedAt = e.ts;
        this.publishOrder(o);
        return;
      case 'OrderDenied':
      case 'OrderReplaced':
        return;
      default: {
        const never: never = e;
        return never;
      }
    }
  }

  private onFill(o: SimOrder, qty: Amount, price: Amount, e: Extract<OrderEvent, { type: 'OrderFilled' }>): void {
    recordFill(o, qty, price, e.ts);
    const notional = mulAmount(qty, price);
    if (e.fill.side === 'BUY') this.valueBought += notional;
    else this.valueSold += notional;
    const applied = this.ledger.applyFill(e.fill);
    if (!this.opened.has(o.symbol)) this.opened.set(o.symbol, e.ts);
    this.publishOrder(o);
    const pos = applied.change.position;
    const data = pos.qty === 0n
      ? flatPositionWire(this.id, o.symbol, pos.realizedPnl, e.ts)
      : positionWire(this.id, this.ledger, pos, this.opened.get(o.symbol) ?? e.ts);
    if (pos.qty === 0n) this.opened.delete(o.symbol);
    this.publish({ action: 'update', type: 'account.position', data, timestamp: e.ts });
    this.publish({ action: 'update', type: 'account.balance', data: this.balances(), timestamp: e.ts });
  }
}
