import { OrderStatus, type EpochMs, type Order, type OrderId, type VenueOrderId } from '../core/index.js';
import { listRecentOrders, type OrderLister } from '../aries/index.js';
import {
  reconcile,
  type ApplyResult, type Journal, type JournalOrderView, type OrderManager, type ReconcileAction, type VenueOrderCandidate, type VenueOrderSnapshot,
} from '../execution/index.js';

/** What one order reconciliation pass reads and writes. */
export interface OrderPassDeps {
  readonly journal: Journal;
  readonly manager: OrderManager;
  readonly client: OrderLister;
  readonly accountId: string;
  readonly now: () => EpochMs;
  /** T-8: orders whose last event is younger than this are not judged; default 5,000 ms. */
  readonly recentMs?: number;
  /** How far before an unknown place's intent its order may have been created; default 60,000 ms. */
  readonly unknownSlackMs?: number;
}

/** What one pass did and what it left for the caller. */
export interface OrderPassOutcome {
  /** The manager's events and issues, in the order they happened. */
  readonly results: readonly ApplyResult[];
  /** Orders too recent to judge (T-8): look again once the window has passed. */
  readonly recent: readonly OrderId[];
  /** Unknown places with more than one matching venue order: never guessed, never resent. */
  readonly ambiguous: readonly OrderId[];
  /** Working venue orders the runner did not place. */
  readonly external: readonly VenueOrderSnapshot[];
  /** Orders closed as missing at the venue. */
  readonly missing: readonly OrderId[];
}

/** A known order is looked for this far back, since its journal time may be a late fill, not its creation. */
const KNOWN_LOOKBACK_MS = 7 * 86_400_000;
const DEFAULT_SLACK_MS = 60_000;
const MISSING = 'missing at the venue after reconciliation';

function viewOf(o: Order, journal: Journal): JournalOrderView {
  const lastEventMs = journal.order(o.id)?.updatedTs ?? o.tsUpdated;
  return { orderId: o.id, intent: o.intent, venueOrderId: o.venueOrderId, status: o.status, filledQty: o.filledQty, lastEventMs };
}

async function listVenueOrders(d: OrderPassDeps, open: readonly Order[]): Promise<readonly VenueOrderCandidate[]> {
  if (open.length === 0) return d.client.allActiveOrders(d.accountId);
  const slack = d.unknownSlackMs ?? DEFAULT_SLACK_MS;
  const fromMs = Math.min(...open.map((o) => o.intent.tsCreated - (o.venueOrderId === undefined ? slack : KNOWN_LOOKBACK_MS)));
  return listRecentOrders(d.client, d.accountId, fromMs);
}

/**
 * Lists the venue's orders (working ones plus history back to the oldest order in question) and
 * brings the order manager in line through the pure `reconcile()` (reliability T-7): reports of
 * known orders are applied (fills only grow), lost places are matched by their terms (found: the
 * venue id is taken; none: closed as missing; several: left for the caller to halt), accepted
 * orders absent from the listing are closed as missing, orders younger than the recent window are
 * left alone (T-8), and working orders nobody journaled are external. Nothing is ever resent.
 * `settleUnknown` is false while this process has places in flight whose answers may still come.
 */
export async function reconcileOrders(d: OrderPassDeps, settleUnknown: boolean): Promise<OrderPassOutcome> {
  const open = d.manager.open().filter((o) => settleUnknown || o.venueOrderId !== undefined);
  const listed = await listVenueOrders(d, open);
  const listedIds = new Set(listed.map((o) => o.venueOrderId));
  const notFound = open.flatMap((o) => (o.venueOrderId !== undefined && !listedIds.has(o.venueOrderId) ? [o.venueOrderId] : []));
  const decided = reconcile(
    { orders: open.map((o) => viewOf(o, d.journal)), positions: [] },
    { orders: listed, positions: [], notFound },
    { now: d.now(), adoptBroker: false, ...(d.recentMs === undefined ? {} : { recentMs: d.recentMs }), ...(d.unknownSlackMs === undefined ? {} : { unknownSlackMs: d.unknownSlackMs }) },
  );
  const out = { results: [] as ApplyResult[], recent: [] as OrderId[], ambiguous: [] as OrderId[], external: [] as VenueOrderSnapshot[], missing: [] as OrderId[] };
  for (const action of decided.actions) act(d, action, out);
  return out;
}

type MutableOutcome = { [K in keyof OrderPassOutcome]: OrderPassOutcome[K] extends readonly (infer T)[] ? T[] : never };

function act(d: OrderPassDeps, a: ReconcileAction, out: MutableOutcome): void {
  const now = d.now();
  switch (a.kind) {
    case 'adopt': {
      if (d.manager.get(a.orderId)?.venueOrderId === undefined) out.results.push(d.manager.acknowledge(a.orderId, a.snapshot.venueOrderId, now));
      out.results.push(d.manager.apply(a.snapshot, now));
      return;
    }
    // Every accepted order absent from the listing is in `notFound`, so `verify` means the same here.
    case 'verify':
    case 'mark-missing':
      out.missing.push(a.orderId);
      out.results.push(closeMissing(d.manager, a.orderId, a.venueOrderId, now));
      return;
    case 'skip-recent':
      out.recent.push(a.orderId);
      return;
    case 'unresolved':
      if (a.matches > 0) out.ambiguous.push(a.orderId);
      else {
        out.missing.push(a.orderId);
        out.results.push(d.manager.rejectPlace(a.orderId, MISSING, now));
      }
      return;
    case 'mark-external':
      markExternal(d, a.snapshot, out, now);
      return;
    case 'position-mismatch':
    case 'no-position-report':
      return;
    default: {
      const never: never = a;
      return never;
    }
  }
}

/**
 * Closes an accepted order the venue no longer lists, through the manager so its view and the
 * journal agree. It is closed as CANCELED (with the reason), the one close an accepted order's
 * state machine allows.
 */
function closeMissing(manager: OrderManager, orderId: OrderId, venueOrderId: VenueOrderId, now: EpochMs): ApplyResult {
  const order = manager.get(orderId);
  if (order === undefined) return { events: [], issues: [] };
  return manager.apply({
    venueOrderId, symbol: order.intent.symbol, side: order.intent.side, qty: order.intent.qty, status: OrderStatus.CANCELED,
    filledQty: order.filledQty, avgFillPrice: order.avgFillPrice, reason: MISSING,
  }, now);
}

function markExternal(d: OrderPassDeps, snap: VenueOrderSnapshot, out: MutableOutcome, now: EpochMs): void {
  const journaled = d.journal.orderByVenueId(snap.venueOrderId);
  // The runner's own closed orders show up in history too; only unknown working orders are external.
  if (journaled !== undefined && !journaled.external) return;
  if (snap.status !== undefined && snap.status !== OrderStatus.NEW && snap.status !== OrderStatus.PARTIALLY_FILLED && snap.status !== OrderStatus.PENDING_NEW) return;
  out.external.push(snap);
  out.results.push(d.manager.apply(snap, now));
}
