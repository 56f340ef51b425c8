import { concatMap, filter, type Observable } from 'rxjs';
import { OrderSide, type EpochMs, type OrderAccepted, type OrderEvent, type OrderId } from '../core/index.js';
import type { OrderLister, SocketStateEvent } from '../aries/index.js';
import type { ExecutionAdapter, Journal, OrderManager, VenueOrderSnapshot } from '../execution/index.js';
import type { Ledger } from '../portfolio/index.js';
import { reconcileOrders, type OrderPassDeps } from './live-order-pass.js';
import {
  describeMismatches, journalAdoption, journalPositions, mismatchError, positionMismatches, seedLedger, type PositionLister,
} from './live-positions.js';
import { RecoveringAdapter } from './live-recovering-adapter.js';
import { restoreJournalOrders } from './live-restore-orders.js';

/** Where reconciliation reports what it did. */
export interface LiveStartupLog {
  warn(message: string, context?: Readonly<Record<string, unknown>>): void;
}

/** What start-up reconciliation of a live run needs. */
export interface LiveStartupOptions {
  readonly journal: Journal;
  /** The live adapter, connected (its account snapshot applied). */
  readonly execution: ExecutionAdapter;
  /** The order manager the live adapter applies reports with. */
  readonly manager: OrderManager;
  readonly client: OrderLister & PositionLister;
  readonly accountId: string;
  readonly ledger: Ledger;
  /** Take the broker's positions on a mismatch instead of refusing to start. */
  readonly adoptBroker: boolean;
  readonly now: () => EpochMs;
  readonly log: LiveStartupLog;
  /** Emits once the account socket is back and resubscribed after a reconnect. */
  readonly reconnects$?: Observable<unknown>;
  /** Waits out the recent-order window (T-8); default a timer. */
  readonly wait?: (ms: number) => Promise<void>;
  /** T-8 recent-order window; default 5,000 ms. */
  readonly recentMs?: number;
}

const RECENT_MS = 5_000;
const MAX_ROUNDS = 4;

/**
 * Reconciles a live run with the broker before any strategy starts (reliability T-1, T-7, T-8):
 * journaled intents whose place outcome is unknown are settled by listing the venue's orders
 * (found: the venue id is journaled and the order adopted; absent once older than the recent
 * window: closed as missing; ambiguous: trading is HALTED), working orders nobody journaled are
 * marked external, and the journal's positions must equal the broker's: a mismatch throws
 * `RECONCILE_ERR_POSITION_MISMATCH` unless `adoptBroker`, which journals the adoption. The ledger
 * is seeded with the broker's positions. Orders are never resent. Returns the adapter the engine
 * must use; it reconciles orders again after every reconnect of the account socket.
 */
export async function reconcileAtStart(o: LiveStartupOptions): Promise<ExecutionAdapter> {
  const adapter = new RecoveringAdapter(o.execution, (e) => o.journal.recordOrderEvent(e));
  try {
    restoreJournalOrders(o.journal, o.manager, o.now());
    await settleOrders(o, adapter);
    const broker = await o.client.positions(o.accountId);
    const mismatches = positionMismatches(journalPositions(o.journal), broker, o.now());
    if (mismatches.length > 0) {
      if (!o.adoptBroker) throw mismatchError(mismatches);
      journalAdoption(o.journal, mismatches, o.now());
      o.log.warn(`adopted the broker's positions (run.adoptBroker): ${describeMismatches(mismatches)}`);
    }
    seedLedger(o.ledger, broker);
    adapter.endStartup(stillWorking(o.manager, o.now()));
    if (o.reconnects$ !== undefined) adapter.own(o.reconnects$.pipe(concatMap(() => reconnectPass(o, adapter))).subscribe());
    return adapter;
  } catch (error) {
    await adapter.disconnect();
    throw error;
  }
}

function passDeps(o: LiveStartupOptions): OrderPassDeps {
  return { journal: o.journal, manager: o.manager, client: o.client, accountId: o.accountId, now: o.now, recentMs: o.recentMs ?? RECENT_MS };
}

async function settleOrders(o: LiveStartupOptions, adapter: RecoveringAdapter): Promise<void> {
  const wait = o.wait ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  for (let round = 1; ; round += 1) {
    const pass = await reconcileOrders(passDeps(o), true);
    adapter.pushResults(pass.results);
    if (pass.ambiguous.length > 0) {
      haltOnAmbiguous(o, pass.ambiguous);
    } else journalExternal(o, pass.external);
    if (pass.recent.length === 0 || round >= MAX_ROUNDS) return;
    o.log.warn('orders too recent to judge (T-8); waiting before listing again', { orders: pass.recent });
    await wait(o.recentMs ?? RECENT_MS);
  }
}

/** Several venue orders match a lost place: trading halts (persisted) and nothing is guessed or resent. */
function haltOnAmbiguous(o: LiveStartupOptions, orderIds: readonly OrderId[]): void {
  const reason = `reconciliation: unknown place outcome matches several Aries orders (${orderIds.join(', ')}); check the account, then resume`;
  o.journal.setTradingState('HALTED', reason, o.now());
  o.log.warn(reason);
  // The journal keeps them unresolved for the next start; the manager stops holding reports for them.
  for (const id of orderIds) o.manager.rejectPlace(id, 'ambiguous', o.now());
}

function journalExternal(o: LiveStartupOptions, external: readonly VenueOrderSnapshot[]): void {
  for (const snap of external) {
    const known = o.journal.orderByVenueId(snap.venueOrderId);
    if (known?.external === true) continue;
    o.journal.markExternal(snap.venueOrderId, {
      symbol: snap.symbol, side: snap.side ?? OrderSide.BUY, qty: snap.qty, status: snap.status ?? 'NEW', filledQty: snap.filledQty, avgPrice: snap.avgFillPrice,
    });
    o.log.warn('order placed outside the runner (marked external)', { venueOrderId: snap.venueOrderId, symbol: snap.symbol });
  }
}

/** Returns an acceptance of every order still working from an earlier run, for the quantity left to fill. */
function stillWorking(manager: OrderManager, now: EpochMs): OrderEvent[] {
  return manager.open().flatMap((order) => {
    if (order.venueOrderId === undefined) return [];
    const intent = { ...order.intent, qty: order.intent.qty - order.filledQty };
    return [{ kind: 'order', type: 'OrderAccepted', orderId: order.id, intent, venueOrderId: order.venueOrderId, ts: now } satisfies OrderAccepted];
  });
}

/** After a reconnect: orders again (reports reach the engine), positions compared and reported. */
async function reconnectPass(o: LiveStartupOptions, adapter: RecoveringAdapter): Promise<void> {
  try {
    const pass = await reconcileOrders(passDeps(o), false);
    adapter.pushResults(pass.results);
    journalExternal(o, pass.external);
    const mismatches = positionMismatches(journalPositions(o.journal), await o.client.positions(o.accountId), o.now());
    if (mismatches.length > 0) o.log.warn(`after reconnect, journal and broker positions differ: ${describeMismatches(mismatches)}`);
  } catch (error) {
    o.log.warn('reconciliation after reconnect failed', { error: error instanceof Error ? error.message : String(error) });
  }
}

/** Returns the moments the account socket is back and resubscribed after a reconnect (not its first connection). */
export function accountReconnects(socket: { readonly state$: Observable<SocketStateEvent> }): Observable<SocketStateEvent> {
  return socket.state$.pipe(filter((e) => e.state === 'resubscribed' && e.connection > 1));
}
