import { Subject, type Observable } from 'rxjs';
import {
  AMOUNT_SCALE, amountFromNumber, maxAmount, minAmount, mulAmount, OrderStatus, toExecId, toVenueOrderId,
  type Amount, type Bar, type EpochMs, type MarketData, type Order, type OrderEvent, type OrderId, type OrderIntent, type Symbol,
} from '../core/index.js';
import type { ExecutionAdapter } from '../execution/index.js';
import type { OrderPreview, SubmitOutcome } from '../risk/index.js';
import { IdGenerator, type Clock, type TradingCalendar } from '../time/index.js';
import { marketableAt, matchOnBar, type FillPoint } from './bar-fill-rules.js';
import type { FeeModel } from './fee-model.js';
import type { SlippageModel } from './slippage-model.js';
import { newWorkingOrder, toOrder, type WorkingOrder } from './working-order.js';

/** When a simulated order decided on a bar fills: at the next bar's open (default, no look-ahead) or at the decision bar's close. */
export type FillMode = 'next-open' | 'close';

/** Options of the {@link SimulatedVenue}. */
export interface SimulatedVenueOptions {
  readonly clock: Clock;
  readonly calendar: TradingCalendar;
  readonly fillMode: FillMode;
  readonly fees: FeeModel;
  readonly slippage: SlippageModel;
  /** Largest fraction of a bar's volume one order may take; absent = no limit (no partial fills from volume). */
  readonly maxParticipation?: number;
  readonly idPrefix?: string;
}

/**
 * A venue that fills orders against market data: market, limit, stop and stop-limit with DAY,
 * GTC, IOC and FOK, commissions, slippage and volume-limited partial fills. Synchronous: every
 * event is emitted before the call that caused it returns. Backtests, paper trading and the local
 * Aries simulator all use this one implementation, so their fills cannot drift apart.
 */
export class SimulatedVenue implements ExecutionAdapter {
  private readonly subject = new Subject<OrderEvent>();
  readonly events$: Observable<OrderEvent> = this.subject.asObservable();
  private readonly working = new Map<Symbol, WorkingOrder[]>();
  private readonly byId = new Map<OrderId, WorkingOrder>();
  private readonly lastBars = new Map<Symbol, Bar>();
  private readonly orderIds: IdGenerator;
  /** The earliest DAY expiry among working orders (infinity when none). */
  private nextExpiry = Number.POSITIVE_INFINITY;
  private readonly execIds: IdGenerator;

  constructor(private readonly options: SimulatedVenueOptions) {
    const prefix = options.idPrefix ?? 'SIM';
    this.orderIds = new IdGenerator(prefix);
    this.execIds = new IdGenerator(`${prefix}-E`);
  }

  connect(): Promise<void> {
    return Promise.resolve();
  }

  disconnect(): Promise<void> {
    this.subject.complete();
    return Promise.resolve();
  }

  openOrders(): readonly Order[] {
    const now = this.options.clock.now();
    return [...this.byId.values()].map((w) => toOrder(w, now));
  }

  preview(intent: OrderIntent): OrderPreview {
    const bar = this.lastBars.get(intent.symbol);
    const ref = intent.limitPrice ?? intent.stopPrice ?? (bar === undefined ? undefined : amountFromNumber(bar.close));
    if (ref === undefined) return { ok: false, reason: `no market data for ${intent.symbol}` };
    const estimatedCost = mulAmount(intent.qty, ref);
    const commission = this.options.fees.commission({ qty: intent.qty, price: ref, firstFill: true });
    const impact = intent.side === 'BUY' ? estimatedCost + commission : commission;
    return { ok: true, estimatedCost, commission, buyingPowerImpact: impact };
  }

  submit(intent: OrderIntent): SubmitOutcome {
    const now = this.options.clock.now();
    const expireAt = intent.tif === 'DAY' ? this.options.calendar.currentOrNextSession(now).close : undefined;
    const order = newWorkingOrder(intent, toVenueOrderId(this.orderIds.next()), now, expireAt);
    this.byId.set(intent.id, order);
    if (expireAt !== undefined && expireAt < this.nextExpiry) this.nextExpiry = expireAt;
    const list = this.working.get(intent.symbol);
    if (list === undefined) this.working.set(intent.symbol, [order]);
    else list.push(order);
    this.subject.next({ kind: 'order', type: 'OrderAccepted', orderId: intent.id, intent, venueOrderId: order.venueOrderId, ts: now });
    if (this.options.fillMode === 'close') this.fillAtDecisionClose(order, now);
    return { kind: 'submitted' };
  }

  cancel(orderId: OrderId): void {
    const order = this.byId.get(orderId);
    if (order !== undefined) this.close(order, 'OrderCanceled', 'canceled by request', this.options.clock.now());
  }

  observeMarketData(data: MarketData): void {
    if (data.kind !== 'bar') return;
    if (data.ts >= this.nextExpiry) this.expireStale(data.ts);
    const list = this.working.get(data.symbol);
    if (list !== undefined && list.length > 0) this.matchBar(list, data);
    this.lastBars.set(data.symbol, data);
  }

  /**
   * Expires DAY orders whose session closed before `t`, whatever symbol they are for, so an order
   * in a symbol with no further bars still expires at its close (one comparison per bar otherwise).
   */
  private expireStale(t: EpochMs): void {
    let next = Number.POSITIVE_INFINITY;
    for (const order of [...this.byId.values()]) {
      const at = order.expireAt;
      if (at === undefined) continue;
      if (at <= t) this.close(order, 'OrderExpired', 'DAY order reached the session close', at);
      else if (at < next) next = at;
    }
    this.nextExpiry = next;
  }

  private fillAtDecisionClose(order: WorkingOrder, now: EpochMs): void {
    const bar = this.lastBars.get(order.intent.symbol);
    if (bar === undefined || bar.tsEnd !== now) return;
    const marketable = marketableAt(order, bar.close);
    if (marketable) this.execute(order, 'close', bar, now);
    const tif = order.intent.tif;
    // An IOC or FOK gets this one chance: a volume-capped remainder must not rest until the next bar.
    if ((tif === 'IOC' || tif === 'FOK') && this.byId.has(order.intent.id)) {
      this.close(order, 'OrderCanceled', marketable ? `${tif} remainder canceled` : `${tif} not marketable at the close`, now);
    }
  }

  private matchBar(list: readonly WorkingOrder[], bar: Bar): void {
    for (const order of [...list]) {
      if (order.acceptedAt > bar.ts) continue;
      if (order.expireAt !== undefined && bar.ts >= order.expireAt) {
        this.close(order, 'OrderExpired', 'DAY order reached the session close', order.expireAt);
        continue;
      }
      const match = matchOnBar(order, bar);
      order.triggered = match.triggered;
      if (match.at !== undefined) this.execute(order, match.at, bar, bar.ts);
      if (!this.byId.has(order.intent.id)) continue;
      if (order.intent.tif === 'IOC' || order.intent.tif === 'FOK') {
        this.close(order, 'OrderCanceled', `${order.intent.tif} remainder canceled`, bar.ts);
      } else if (order.expireAt !== undefined && bar.tsEnd >= order.expireAt) {
        this.close(order, 'OrderExpired', 'DAY order reached the session close', order.expireAt);
      }
    }
  }

  private execute(order: WorkingOrder, at: FillPoint, bar: Bar, ts: EpochMs): void {
    const leaves = order.intent.qty - order.filled;
    const qty = this.fillableQty(leaves, bar);
    if (qty <= 0n) return;
    if (order.intent.tif === 'FOK' && qty < leaves) return;
    const price = this.fillPrice(order, at, bar);
    const commission = this.options.fees.commission({ qty, price, firstFill: order.fills === 0 });
    order.filled += qty;
    order.cost += mulAmount(qty, price);
    order.fills += 1;
    const done = order.filled === order.intent.qty;
    if (done) this.remove(order);
    const intent = order.intent;
    this.subject.next({
      kind: 'order', type: 'OrderFilled', orderId: intent.id,
      fill: { orderId: intent.id, execId: toExecId(this.execIds.next()), symbol: intent.symbol, side: intent.side, qty, price, commission, ts },
      filledQty: order.filled, leavesQty: intent.qty - order.filled,
      status: done ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED, ts,
    });
  }

  private fillableQty(leaves: Amount, bar: Bar): Amount {
    const cap = this.options.maxParticipation;
    if (cap === undefined) return leaves;
    // Exact product, then whole units: a float product such as 100 * 0.29 = 28.999… would lose a share.
    const product = mulAmount(amountFromNumber(bar.volume), amountFromNumber(cap));
    const allowed = product - (product % AMOUNT_SCALE);
    return allowed < leaves ? allowed : leaves;
  }

  private fillPrice(order: WorkingOrder, at: FillPoint, bar: Bar): Amount {
    const intent = order.intent;
    if (at === 'limit' && intent.limitPrice !== undefined) return intent.limitPrice;
    const raw = at === 'open' ? bar.open : at === 'close' ? bar.close : order.stop;
    if (intent.type === 'LIMIT' || (intent.type === 'STOP_LIMIT' && at !== 'stop')) return amountFromNumber(raw);
    const slipped = amountFromNumber(this.options.slippage.adjust({ side: intent.side, price: raw }));
    // A stop-limit filled at its stop may slip, but never past its own limit.
    if (intent.limitPrice === undefined) return slipped;
    return intent.side === 'BUY' ? minAmount(slipped, intent.limitPrice) : maxAmount(slipped, intent.limitPrice);
  }

  private close(order: WorkingOrder, type: 'OrderCanceled' | 'OrderExpired', reason: string, ts: EpochMs): void {
    this.remove(order);
    this.subject.next({ kind: 'order', type, orderId: order.intent.id, reason, ts });
  }

  private remove(order: WorkingOrder): void {
    this.byId.delete(order.intent.id);
    const list = this.working.get(order.intent.symbol);
    if (list === undefined) return;
    const i = list.indexOf(order);
    if (i >= 0) list.splice(i, 1);
  }
}
