import { describe, expect, it } from 'vitest';
import { toOrderId, toSymbol, type OrderStatus } from '../../../../src/core/index.js';
import {
  reconcile, type BrokerView, type JournalOrderView, type ReconcileAction, type VenueOrderCandidate,
} from '../../../../src/execution/index.js';
import { a, intent, snap, v } from './builders.js';

const NOW = 100_000;

function local(status: OrderStatus, venue: string | undefined, filled = 0, lastEventMs = 0): JournalOrderView {
  return { orderId: toOrderId('O-1'), intent: intent('O-1', 10, 50_000), venueOrderId: venue === undefined ? undefined : v(venue), status, filledQty: a(filled), lastEventMs };
}

function broker(id: string, status: OrderStatus, filled = 0, extra: Partial<VenueOrderCandidate> = {}): VenueOrderCandidate {
  return { ...snap(id, filled, filled === 0 ? 0 : 35.5, status), type: 'LIMIT', limitPrice: a(35.5), tsCreated: 50_100, ...extra };
}

interface Row {
  readonly name: string;
  readonly journal: readonly JournalOrderView[];
  readonly broker: Partial<BrokerView>;
  readonly expected: readonly Partial<ReconcileAction>[];
}

const YHOO = toSymbol('YHOO');
const ROWS: readonly Row[] = [
  { name: 'SUBMITTED locally, REJECTED at the venue → REJECTED', journal: [local('PENDING_NEW', 'C-1')], broker: { orders: [broker('C-1', 'REJECTED')] },
    expected: [{ kind: 'adopt', snapshot: broker('C-1', 'REJECTED') }] },
  { name: 'ACCEPTED locally, missing at the venue → verify by a single-order query first', journal: [local('NEW', 'C-1')], broker: {},
    expected: [{ kind: 'verify', venueOrderId: v('C-1') }] },
  { name: 'ACCEPTED, missing, and the targeted query found nothing → mark missing (REJECTED)', journal: [local('NEW', 'C-1')], broker: { notFound: [v('C-1')] },
    expected: [{ kind: 'mark-missing', venueOrderId: v('C-1') }] },
  { name: 'ACCEPTED and missing but its last event is under 5 s old → left alone (T-8)', journal: [local('NEW', 'C-1', 0, NOW - 4_999)], broker: {},
    expected: [{ kind: 'skip-recent' }] },
  { name: 'PARTIALLY_FILLED locally, CANCELED at the venue → CANCELED, fills kept', journal: [local('PARTIALLY_FILLED', 'C-1', 4)], broker: { orders: [broker('C-1', 'CANCELED', 4)] },
    expected: [{ kind: 'adopt', snapshot: broker('C-1', 'CANCELED', 4) }] },
  { name: 'same state on both sides → nothing', journal: [local('NEW', 'C-1')], broker: { orders: [broker('C-1', 'NEW')] }, expected: [] },
  { name: 'a replaced order is found at the end of its chain', journal: [local('NEW', 'C-1')],
    broker: { orders: [broker('C-1', 'REPLACED'), broker('C-2', 'PARTIALLY_FILLED', 2, { origVenueOrderId: v('C-1') })] },
    expected: [{ kind: 'adopt', snapshot: broker('C-2', 'PARTIALLY_FILLED', 2, { origVenueOrderId: v('C-1') }) }] },
  { name: 'an order placed in the Aries web UI → EXTERNAL', journal: [], broker: { orders: [broker('WEB-1', 'NEW', 0, { qty: a(3) })] },
    expected: [{ kind: 'mark-external', snapshot: broker('WEB-1', 'NEW', 0, { qty: a(3) }) }] },
  { name: 'unknown place outcome with one matching order → adopted under its clOrdId (T-1)', journal: [local('PENDING_NEW', undefined)], broker: { orders: [broker('C-5', 'NEW')] },
    expected: [{ kind: 'adopt', snapshot: broker('C-5', 'NEW') }] },
  { name: 'unknown place outcome with two matching orders → unresolved (halt), never guessed', journal: [local('PENDING_NEW', undefined)],
    broker: { orders: [broker('C-5', 'NEW'), broker('C-6', 'NEW')] },
    expected: [{ kind: 'unresolved', matches: 2 }, { kind: 'mark-external' }, { kind: 'mark-external' }] },
  { name: 'unknown place outcome with no match → unresolved (halt)', journal: [local('PENDING_NEW', undefined)], broker: { orders: [broker('C-5', 'NEW', 0, { limitPrice: a(36) })] },
    expected: [{ kind: 'unresolved', matches: 0 }, { kind: 'mark-external' }] },
  { name: 'an order created before the intent (less the slack) does not match', journal: [local('PENDING_NEW', undefined)], broker: { orders: [broker('C-5', 'NEW', 0, { tsCreated: 1_000 })] },
    expected: [{ kind: 'unresolved', matches: 0 }, { kind: 'mark-external' }] },
];

describe('reconcile (reliability T-7 table)', () => {
  it.each(ROWS)('$name', (row) => {
    const view: BrokerView = { orders: [], positions: [], notFound: [], ...row.broker };
    const result = reconcile({ orders: row.journal, positions: [] }, view, { now: NOW, adoptBroker: false, unknownSlackMs: 1_000 });
    expect(result.actions).toHaveLength(row.expected.length);
    row.expected.forEach((e, i) => expect(result.actions[i]).toMatchObject(e));
    expect(result.halt).toBe(row.expected.some((e) => e.kind === 'unresolved'));
  });

  it('refuses to start on a position mismatch unless told to adopt the broker', () => {
    const journal = { orders: [], positions: [{ symbol: YHOO, qty: a(10) }] };
    const view: BrokerView = { orders: [], positions: [{ symbol: YHOO, qty: a(7) }], notFound: [] };
    const refused = reconcile(journal, view, { now: NOW, adoptBroker: false });
    expect(refused.refuse).toBe(true);
    expect(refused.actions).toEqual([{ kind: 'position-mismatch', symbol: YHOO, journalQty: a(10), brokerQty: a(7), resolution: 'refuse' }]);
    const adopted = reconcile(journal, view, { now: NOW, adoptBroker: true });
    expect(adopted.refuse).toBe(false);
    expect(adopted.actions[0]).toMatchObject({ resolution: 'adopt-broker' });
  });

  it('does not read a missing position report as flat', () => {
    const result = reconcile({ orders: [], positions: [{ symbol: YHOO, qty: a(10) }] }, { orders: [], positions: undefined, notFound: [] }, { now: NOW, adoptBroker: false });
    expect(result.actions).toEqual([{ kind: 'no-position-report' }]);
    expect(result.refuse).toBe(false);
  });

  it('treats a broker position the journal lacks as a mismatch', () => {
    const result = reconcile({ orders: [], positions: [] }, { orders: [], positions: [{ symbol: YHOO, qty: a(-2) }], notFound: [] }, { now: NOW, adoptBroker: false });
    expect(result.actions).toEqual([{ kind: 'position-mismatch', symbol: YHOO, journalQty: 0n, brokerQty: a(-2), resolution: 'refuse' }]);
  });
});
