import { Subject, type Observable, type Subscription } from 'rxjs';
import type { AriesSocket, SocketLogger, SocketMessage, SocketStateEvent } from '../ws/index.js';
import { SocketEventParser } from './event-parser.js';
import {
  accountSubscribe, mapBalances, mapOrder, mapPosition, parseAccountEvent,
  type AccountBalances, type AccountEvent, type AriesOrderRecord, type PositionRecord,
} from '../wire/index.js';

/** An account-socket event in core vocabulary. */
export type AccountStreamEvent =
  | { readonly kind: 'snapshot'; readonly orders: readonly AriesOrderRecord[]; readonly positions: readonly PositionRecord[]; readonly balances: AccountBalances | undefined }
  | { readonly kind: 'order'; readonly order: AriesOrderRecord }
  | { readonly kind: 'position'; readonly position: PositionRecord }
  | { readonly kind: 'balance'; readonly balances: AccountBalances };

/**
 * The account socket (`/v1/accounts/ws`) as core events: the snapshot after subscribing, then
 * order, position and balance updates. Malformed messages are counted, logged and skipped.
 */
export class AriesAccountStream {
  private readonly events = new Subject<AccountStreamEvent>();
  private readonly subscription: Subscription;
  private readonly parser: SocketEventParser<AccountEvent>;
  /** Snapshot, then updates, in arrival order. */
  readonly events$: Observable<AccountStreamEvent> = this.events.asObservable();
  /** Connection states of the underlying socket. */
  readonly state$: Observable<SocketStateEvent>;

  constructor(private readonly socket: AriesSocket, log: SocketLogger) {
    this.state$ = socket.state$;
    this.parser = new SocketEventParser('account', parseAccountEvent, log);
    this.subscription = socket.messages$.subscribe((m) => this.onMessage(m));
  }

  /** Returns how many malformed account messages were skipped. */
  get malformed(): number {
    return this.parser.malformed;
  }

  /** Subscribes to the account's updates (resent once after every reconnect). */
  subscribe(accountId: string): void {
    const payload = accountSubscribe('sub', accountId).payload;
    this.socket.subscribe(`account:${accountId}`, payload, payload);
  }

  /** Completes the stream (the socket itself is closed by its owner). */
  dispose(): void {
    this.subscription.unsubscribe();
    this.events.complete();
  }

  private onMessage(m: SocketMessage): void {
    const e = this.parser.read(m);
    if (e === undefined) return;
    switch (e.kind) {
      case 'snapshot':
        this.events.next({
          kind: 'snapshot', orders: e.orders.map(mapOrder), positions: e.positions.map(mapPosition),
          balances: e.balance === undefined ? undefined : mapBalances(e.balance),
        });
        return;
      case 'order':
        this.events.next({ kind: 'order', order: mapOrder(e.order) });
        return;
      case 'position':
        this.events.next({ kind: 'position', position: mapPosition(e.position) });
        return;
      case 'balance':
        this.events.next({ kind: 'balance', balances: mapBalances(e.balances) });
        return;
      case 'other':
        return;
      default: {
        const never: never = e;
        return never;
      }
    }
  }
}
