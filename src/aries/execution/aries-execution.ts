import { filter, firstValueFrom, Subject, throwError, timeout, type Observable, type Subscription } from 'rxjs';
import {
  formatAmount, isPromise, RunnerError, toVenueOrderId,
  type Amount, type EpochMs, type MaybePromise, type Order, type OrderEvent, type OrderId, type OrderIntent, type VenueOrderId,
} from '../../core/index.js';
import {
  matchUnknownOrder, OrderManager,
  type ApplyResult, type ExecutionAdapter, type OrderIssue, type OrderManagerLog, type UnknownMatch,
} from '../../execution/index.js';
import type { OrderPreview, SubmitOutcome } from '../../risk/index.js';
import type { AccountStreamEvent, AriesAccountStream, AriesClient } from '../client/index.js';
import { type AccountBalances, type PlaceOrderResponse, type PositionRecord } from '../wire/index.js';
import type { AccountSnapshot } from './account-snapshot.js';
import { ackSnapshot } from './ack-snapshot.js';
import { listRecentOrders } from './list-orders.js';
import { classifyPlaceFailure } from './place-failure.js';
import { toOrderPreview } from './preview-mapping.js';

/** The client calls the adapter makes. */
export type ExecutionClient = Pick<
  AriesClient, 'placeOrder' | 'previewOrder' | 'cancelOrder' | 'replaceOrder' | 'allActiveOrders' | 'orderHistory' | 'positions' | 'balances'
>;

/** Options of {@link AriesExecution}. */
export interface AriesExecutionOptions {
  readonly client: ExecutionClient;
  readonly stream: Pick<AriesAccountStream, 'events$' | 'subscribe'>;
  readonly accountId: string;
  /** The account socket: connected once the subscription is registered, closed on disconnect. */
  readonly socket?: { connect(): void; close(): Promise<void> };
  readonly now: () => EpochMs;
  /** Runs before each place is sent (the caller journals the intent here); a throw stops the send. */
  readonly beforeSend?: (intent: OrderIntent) => MaybePromise<void>;
  readonly manager?: OrderManager;
  readonly log?: OrderManagerLog;
  /** How long connect waits for the account snapshot; default 30,000 ms. */
  readonly snapshotTimeoutMs?: number;
  /** How far before an intent a lost place may have been created; default 60,000 ms. */
  readonly unknownSlackMs?: number;
  /** Bench only: a stage timer told `place` as the place call starts. */
  readonly probe?: (point: string) => void;
}

/** New terms for a working order. */
export interface OrderChanges {
  readonly qty?: Amount;
  readonly limitPrice?: Amount;
  readonly stopPrice?: Amount;
}

/**
 * The live execution adapter over Aries. Account updates are subscribed (and their snapshot
 * awaited) before any order may be sent; orders are placed once and never resent: a lost
 * response returns `unknown` and is settled by {@link AriesExecution.resolveUnknown}, which lists
 * the account's orders. Socket and REST order reports go through the {@link OrderManager}.
 */
export class AriesExecution implements ExecutionAdapter {
  private readonly orderEvents = new Subject<OrderEvent>();
  private readonly issueEvents = new Subject<OrderIssue>();
  private readonly manager: OrderManager;
  private subscription: Subscription | undefined;
  private connected = false;
  private positionList: PositionRecord[] = [];
  private balanceFigures: AccountBalances | undefined;
  /** Every order event, in the order the reports were applied. */
  readonly events$: Observable<OrderEvent> = this.orderEvents.asObservable();
  /** Refused, late, buffered and external reports, for the journal and alerts. */
  readonly issues$: Observable<OrderIssue> = this.issueEvents.asObservable();

  constructor(private readonly options: AriesExecutionOptions) {
    this.manager = options.manager ?? new OrderManager(options.log === undefined ? {} : { log: options.log });
  }

  /** Subscribes to account updates and resolves once their snapshot has been applied. */
  async connect(): Promise<void> {
    if (this.connected) return;
    const { stream, accountId } = this.options;
    const ms = this.options.snapshotTimeoutMs ?? 30_000;
    const snapshot = firstValueFrom(stream.events$.pipe(
      filter((e) => e.kind === 'snapshot'),
      timeout({ first: ms, with: () => throwError(() => new RunnerError('ARIES_ERR_NO_SNAPSHOT', `no account snapshot within ${ms} ms`, { retry: 'retryable' })) }),
    ));
    this.subscription ??= stream.events$.subscribe((e) => this.onAccountEvent(e));
    stream.subscribe(accountId);
    this.options.socket?.connect();
    await snapshot;
    this.connected = true;
  }

  /** Stops listening and closes the account socket when this adapter owns it. */
  async disconnect(): Promise<void> {
    this.connected = false;
    this.subscription?.unsubscribe();
    this.subscription = undefined;
    await this.options.socket?.close();
  }

  /** Places an order once: journal hook, POST, then the acknowledgement or a definite rejection. */
  async submit(intent: OrderIntent): Promise<SubmitOutcome> {
    if (!this.connected) throw new RunnerError('ARIES_ERR_NOT_CONNECTED', `order ${intent.id}: connect (subscribe to account updates) before the first order`);
    // A synchronous hook (the journal) is not awaited: the POST leaves in the same turn as the gate.
    const journaled = this.options.beforeSend?.(intent);
    if (isPromise(journaled)) await journaled;
    this.manager.expectPlace(intent, this.options.now());
    this.options.probe?.('place');
    let response: PlaceOrderResponse;
    try {
      response = await this.options.client.placeOrder(this.options.accountId, intent);
    } catch (error) {
      const failure = classifyPlaceFailure(error);
      if (failure.kind === 'unknown') return { kind: 'unknown', message: failure.message };
      this.emit(this.manager.rejectPlace(intent.id, failure.reason, this.options.now()));
      return { kind: 'submitted' };
    }
    if (!response.success || response.clOrdId === undefined) {
      this.emit(this.manager.rejectPlace(intent.id, response.ordRejReason ?? response.text ?? 'rejected by Aries', this.options.now()));
      return { kind: 'submitted' };
    }
    const venueOrderId = toVenueOrderId(response.clOrdId);
    this.emit(this.manager.acknowledge(intent.id, venueOrderId, this.options.now()));
    // A place answered already filled (a marketable order) carries its fills on the acknowledgement.
    if (response.cumQty !== undefined && response.cumQty > 0n) this.emit(this.manager.apply(ackSnapshot(intent, venueOrderId, response), this.options.now()));
    return { kind: 'submitted' };
  }

  /**
   * Settles an `unknown` place by listing working orders and recent history: a single order with
   * the intent's terms, created after it (less the slack) and owned by no other order, is adopted.
   * `none` and `ambiguous` change nothing: the caller halts and alerts; nothing is resent.
   */
  async resolveUnknown(intent: OrderIntent): Promise<UnknownMatch> {
    const fromMs = intent.tsCreated - (this.options.unknownSlackMs ?? 60_000);
    const listed = await listRecentOrders(this.options.client, this.options.accountId, fromMs);
    const match = matchUnknownOrder(intent, listed, { fromMs, toMs: this.options.now() }, (c) => this.manager.orderIdOf(c.venueOrderId) !== undefined);
    if (match.kind === 'found') {
      this.emit(this.manager.acknowledge(intent.id, match.candidate.venueOrderId, this.options.now()));
      this.emit(this.manager.apply(match.candidate, this.options.now()));
    }
    return match;
  }

  /** Returns Aries's preview as the gate's preview; a failed call counts as a refusal. */
  async preview(intent: OrderIntent): Promise<OrderPreview> {
    try {
      return toOrderPreview(await this.options.client.previewOrder(this.options.accountId, intent));
    } catch (error) {
      return { ok: false, reason: `preview failed: ${error instanceof Error ? error.message : String(error)}` };
    }
  }

  /** Asks Aries to cancel a working order; the outcome arrives on the account socket. */
  async cancel(orderId: OrderId): Promise<void> {
    const order = this.working(orderId);
    const r = await this.options.client.cancelOrder(this.options.accountId, order.intent.symbol, order.intent.side, order.venueId);
    if (!r.success) throw new RunnerError('ARIES_ERR_CANCEL_REJECTED', `cancel of order ${orderId} refused: ${r.text ?? 'no reason given'}`);
  }

  /** Replaces a working order's terms; the order keeps its runner id under the new `clOrdId`. */
  async replace(orderId: OrderId, changes: OrderChanges): Promise<void> {
    const order = this.working(orderId);
    const r = await this.options.client.replaceOrder(this.options.accountId, order.intent.symbol, order.venueId, {
      ...(changes.qty === undefined ? {} : { qty: formatAmount(changes.qty) }),
      ...(changes.limitPrice === undefined ? {} : { price: formatAmount(changes.limitPrice) }),
      ...(changes.stopPrice === undefined ? {} : { stopPrice: formatAmount(changes.stopPrice) }),
    });
    if (!r.success || r.clOrdId === undefined) throw new RunnerError('ARIES_ERR_REPLACE_REJECTED', `replace of order ${orderId} refused: ${r.text ?? 'no reason given'}`);
    this.emit(this.manager.linkReplace(order.venueId, toVenueOrderId(r.clOrdId), changes.qty ?? r.qty, this.options.now()));
  }

  /** Returns the runner's orders still working. */
  openOrders(): readonly Order[] {
    return this.manager.open();
  }

  /** Lists working orders, positions and balances over REST, applies the orders, and returns the account. */
  async reconcile(): Promise<AccountSnapshot> {
    const { client, accountId } = this.options;
    const [orders, positions, balances] = await Promise.all([client.allActiveOrders(accountId), client.positions(accountId), client.balances(accountId)]);
    for (const o of orders) this.emit(this.manager.apply(o, this.options.now()));
    this.positionList = [...positions];
    this.balanceFigures = balances;
    return { openOrders: this.manager.open(), externalOrders: this.manager.externalOrders(), positions, balances, ts: this.options.now() };
  }

  /** Returns the latest positions and balances the account socket or a reconcile reported. */
  account(): { readonly positions: readonly PositionRecord[]; readonly balances: AccountBalances | undefined } {
    return { positions: this.positionList, balances: this.balanceFigures };
  }

  private working(orderId: OrderId): Order & { readonly venueId: VenueOrderId } {
    const order = this.manager.get(orderId);
    if (order?.venueOrderId === undefined) throw new RunnerError('ARIES_ERR_UNKNOWN_ORDER', `order ${orderId} has no Aries clOrdId yet`);
    return { ...order, venueId: order.venueOrderId };
  }

  private onAccountEvent(e: AccountStreamEvent): void {
    switch (e.kind) {
      case 'snapshot':
        this.positionList = [...e.positions];
        this.balanceFigures = e.balances ?? this.balanceFigures;
        for (const o of e.orders) this.emit(this.manager.apply(o, this.options.now()));
        return;
      case 'order':
        this.emit(this.manager.apply(e.order, this.options.now()));
        return;
      case 'position':
        this.positionList = [...this.positionList.filter((p) => p.symbol !== e.position.symbol), e.position];
        return;
      case 'balance':
        this.balanceFigures = e.balances;
        return;
      default: {
        const never: never = e;
        return never;
      }
    }
  }

  private emit(result: ApplyResult): void {
    for (const event of result.events) this.orderEvents.next(event);
    for (const issue of result.issues) this.issueEvents.next(issue);
  }
}
