import { isOpen, type VenueOrderId } from '../../core/index.js';
import { matchUnknownOrder } from './match-unknown.js';
import { RECENT_ORDER_MS } from './order-manager.js';
import type {
  BrokerView, JournalOrderView, JournalView, PositionView, ReconcileAction, ReconcileOptions, ReconcileResult,
} from './reconcile-types.js';
import type { VenueOrderCandidate } from './venue-order-snapshot.js';

const DEFAULT_UNKNOWN_SLACK_MS = 60_000;

/** The broker's orders indexed by id and by the id they replaced. */
class BrokerOrders {
  private readonly byId = new Map<VenueOrderId, VenueOrderCandidate>();
  private readonly byOrig = new Map<VenueOrderId, VenueOrderCandidate>();
  readonly claimed = new Set<VenueOrderId>();

  constructor(readonly all: readonly VenueOrderCandidate[]) {
    for (const o of all) {
      this.byId.set(o.venueOrderId, o);
      if (o.origVenueOrderId !== undefined) this.byOrig.set(o.origVenueOrderId, o);
    }
  }

  /** Returns the latest order of the replace chain starting at `id`, claiming every link. */
  follow(id: VenueOrderId): VenueOrderCandidate | undefined {
    let latest = this.byId.get(id);
    let cursor: VenueOrderId = id;
    this.claimed.add(id);
    for (let next = this.byOrig.get(cursor); next !== undefined && !this.claimed.has(next.venueOrderId); next = this.byOrig.get(cursor)) {
      latest = next;
      cursor = next.venueOrderId;
      this.claimed.add(cursor);
    }
    return latest;
  }
}

function differs(local: JournalOrderView, broker: VenueOrderCandidate): boolean {
  return broker.filledQty > local.filledQty || (broker.status !== undefined && broker.status !== local.status);
}

function reconcileOrder(local: JournalOrderView, broker: BrokerOrders, view: BrokerView, options: ReconcileOptions): ReconcileAction | undefined {
  const recent = options.now - local.lastEventMs < (options.recentMs ?? RECENT_ORDER_MS);
  const { orderId } = local;
  if (local.venueOrderId !== undefined) {
    const found = broker.follow(local.venueOrderId);
    if (found !== undefined) return differs(local, found) ? { kind: 'adopt', orderId, snapshot: found } : undefined;
    if (!isOpen(local.status)) return undefined;
    if (recent) return { kind: 'skip-recent', orderId };
    if (view.notFound.includes(local.venueOrderId)) return { kind: 'mark-missing', orderId, venueOrderId: local.venueOrderId };
    return { kind: 'verify', orderId, venueOrderId: local.venueOrderId };
  }
  if (!isOpen(local.status)) return undefined;
  if (recent) return { kind: 'skip-recent', orderId };
  const window = { fromMs: local.intent.tsCreated - (options.unknownSlackMs ?? DEFAULT_UNKNOWN_SLACK_MS), toMs: options.now };
  const match = matchUnknownOrder(local.intent, broker.all, window, (c) => broker.claimed.has(c.venueOrderId));
  if (match.kind !== 'found') return { kind: 'unresolved', orderId, matches: match.kind === 'none' ? 0 : match.candidates.length };
  const latest = broker.follow(match.candidate.venueOrderId) ?? match.candidate;
  return { kind: 'adopt', orderId, snapshot: latest };
}

function reconcilePositions(journal: readonly PositionView[], broker: readonly PositionView[] | undefined, adoptBroker: boolean): ReconcileAction[] {
  if (broker === undefined) return [{ kind: 'no-position-report' }];
  const symbols = [...new Set([...journal, ...broker].map((p) => p.symbol))].sort();
  const qtyIn = (list: readonly PositionView[], symbol: string): bigint => list.filter((p) => p.symbol === symbol).reduce((s, p) => s + p.qty, 0n);
  const out: ReconcileAction[] = [];
  for (const symbol of symbols) {
    const journalQty = qtyIn(journal, symbol);
    const brokerQty = qtyIn(broker, symbol);
    if (journalQty !== brokerQty) out.push({ kind: 'position-mismatch', symbol, journalQty, brokerQty, resolution: adoptBroker ? 'adopt-broker' : 'refuse' });
  }
  return out;
}

/**
 * Returns what to do to bring the journal in line with the broker (reliability T-7): orders the
 * broker knows are adopted (a cancel after partial fills keeps the fills), an accepted order
 * missing from the listing is verified by a single-order query before it is marked REJECTED,
 * recent orders are left alone (T-8), unknown places are matched by their terms or halt the
 * strategy, unclaimed broker orders are external, and a position mismatch refuses to start
 * unless `adoptBroker`. Pure: it decides, the caller acts. Unknown places are matched after
 * every known id has claimed its chain, so a known order is never mistaken for a lost one.
 */
export function reconcile(journal: JournalView, broker: BrokerView, options: ReconcileOptions): ReconcileResult {
  const orders = new BrokerOrders(broker.orders);
  const known = journal.orders.filter((o) => o.venueOrderId !== undefined);
  const unknown = journal.orders.filter((o) => o.venueOrderId === undefined);
  const actions: ReconcileAction[] = [];
  for (const local of [...known, ...unknown]) {
    const action = reconcileOrder(local, orders, broker, options);
    if (action !== undefined) actions.push(action);
  }
  const external = new Set<VenueOrderId>();
  for (const o of broker.orders) {
    if (orders.claimed.has(o.venueOrderId) || external.has(o.venueOrderId)) continue;
    const root = orders.follow(o.venueOrderId) ?? o;
    external.add(o.venueOrderId);
    actions.push({ kind: 'mark-external', snapshot: root });
  }
  actions.push(...reconcilePositions(journal.positions, broker.positions, options.adoptBroker));
  return {
    actions,
    refuse: actions.some((a) => a.kind === 'position-mismatch' && a.resolution === 'refuse'),
    halt: actions.some((a) => a.kind === 'unresolved'),
  };
}
