import { describe, expect, it } from 'vitest';
import { toOrderId, type OrderEvent } from '../../../../src/core/index.js';
import { deriveFill, OrderManager } from '../../../../src/execution/index.js';
import { a, intent, snap, v } from './builders.js';

function placed(id = 'O-1', venue = 'C-1'): OrderManager {
  const m = new OrderManager();
  m.expectPlace(intent(id), 0);
  m.acknowledge(toOrderId(id), v(venue), 0);
  return m;
}

function fills(events: readonly OrderEvent[]): [string, bigint, bigint][] {
  return events.flatMap((e) => (e.type === 'OrderFilled' ? [[e.fill.execId, e.fill.qty, e.fill.price] as [string, bigint, bigint]] : []));
}

describe('deriveFill', () => {
  it('prices a fill exactly from the change in cumulative cost', () => {
    // (10 × 10.15 − 4 × 10.00) / 6 = 10.25
    expect(deriveFill({ filledQty: a(4), venueAvgPrice: a(10) }, snap('C-1', 10, 10.15, 'FILLED'))).toEqual({ qty: a(6), price: a(10.25) });
  });

  it('uses lastQty/lastPx when they explain the whole increase, and derives when they do not', () => {
    const base = { filledQty: a(4), venueAvgPrice: a(10) };
    expect(deriveFill(base, snap('C-1', 10, 10.15, 'FILLED', { lastQty: a(6), lastPx: a(10.3) }))).toEqual({ qty: a(6), price: a(10.3) });
    expect(deriveFill(base, snap('C-1', 10, 10.15, 'FILLED', { lastQty: a(2), lastPx: a(10.3) }))).toEqual({ qty: a(6), price: a(10.25) });
    expect(deriveFill(base, snap('C-1', 4, 10, 'PARTIALLY_FILLED'))).toBeUndefined();
  });
});

describe('OrderManager', () => {
  it('turns cumQty/avgPrice changes into fills with replay-stable exec ids', () => {
    const m = placed();
    const first = m.apply(snap('C-1', 4, 10, 'PARTIALLY_FILLED'), 1);
    const second = m.apply(snap('C-1', 10, 10.15, 'FILLED'), 2);
    expect(fills(first.events)).toEqual([['C-1:4', a(4), a(10)]]);
    expect(fills(second.events)).toEqual([['C-1:10', a(6), a(10.25)]]);
    expect(m.get(toOrderId('O-1'))).toMatchObject({ status: 'FILLED', filledQty: a(10), avgFillPrice: a(10.15) });
  });

  it('ignores duplicates and a stale snapshot after a fill (T-5, T-6)', () => {
    const m = placed();
    m.apply(snap('C-1', 5, 10, 'PARTIALLY_FILLED'), 1);
    expect(m.apply(snap('C-1', 5, 10, 'PARTIALLY_FILLED'), 2).events).toEqual([]);
    const stale = m.apply(snap('C-1', 0, 0, 'NEW'), 3);
    expect(stale.events).toEqual([]);
    expect(stale.issues[0]).toMatchObject({ kind: 'stale', knownQty: a(5) });
    expect(m.get(toOrderId('O-1'))).toMatchObject({ status: 'PARTIALLY_FILLED', filledQty: a(5) });
    expect(m.counters).toMatchObject({ duplicates: 1, stale: 1 });
  });

  it('buffers a fill that arrives before the acknowledgement and applies it on the ack (T-4)', () => {
    const m = new OrderManager();
    m.expectPlace(intent(), 0);
    const early = m.apply(snap('C-1', 10, 35.5, 'FILLED'), 1);
    expect(early.events).toEqual([]);
    expect(early.issues).toEqual([{ kind: 'buffered', venueOrderId: 'C-1' }]);
    const ack = m.acknowledge(toOrderId('O-1'), v('C-1'), 2);
    expect(ack.events.map((e) => e.type)).toEqual(['OrderAccepted', 'OrderFilled']);
    expect(m.get(toOrderId('O-1'))?.status).toBe('FILLED');
  });

  it('releases held reports as external once no place is in flight', () => {
    const m = new OrderManager();
    m.expectPlace(intent(), 0);
    m.apply(snap('WEB-1', 0, 0, 'NEW'), 1);
    const rejected = m.rejectPlace(toOrderId('O-1'), 'no funds', 2);
    expect(rejected.events.map((e) => e.type)).toEqual(['OrderRejected']);
    expect(rejected.issues).toEqual([{ kind: 'external', snapshot: snap('WEB-1', 0, 0, 'NEW') }]);
    expect(m.externalOrders().map((o) => o.venueOrderId)).toEqual(['WEB-1']);
  });

  it('reports an order nobody placed as external once, and never emits events for it', () => {
    const m = placed();
    expect(m.apply(snap('WEB-9', 0, 0, 'NEW'), 1).issues).toMatchObject([{ kind: 'external' }]);
    expect(m.apply(snap('WEB-9', 3, 10, 'PARTIALLY_FILLED'), 2)).toEqual({ events: [], issues: [] });
    expect(m.counters.external).toBe(1);
    expect(m.externalOrders()[0]?.filledQty).toBe(a(3));
  });

  it('follows a replace chain: fills keep counting under the new clOrdId, the old record closes nothing', () => {
    const m = placed();
    m.apply(snap('C-1', 4, 10, 'PARTIALLY_FILLED'), 1);
    const link = m.apply(snap('C-2', 4, 10, 'PARTIALLY_FILLED', { origVenueOrderId: v('C-1'), qty: a(12) }), 2);
    expect(link.events).toMatchObject([{ type: 'OrderReplaced', orderId: 'O-1', venueOrderId: 'C-2', qty: a(12) }]);
    expect(m.apply(snap('C-1', 4, 10, 'REPLACED'), 3).events).toEqual([]);
    expect(m.apply(snap('C-1', 4, 10, 'CANCELED'), 3).events).toEqual([]);
    const done = m.apply(snap('C-2', 12, 10.5, 'FILLED', { qty: a(12) }), 4);
    expect(fills(done.events)).toEqual([['C-2:12', a(8), a(10.75)]]);
    expect(m.orderIdOf(v('C-2'))).toBe('O-1');
    expect(m.get(toOrderId('O-1'))).toMatchObject({ status: 'FILLED', filledQty: a(12), venueOrderId: 'C-2' });
  });

  it('links a replacement named by the replace response before its report arrives', () => {
    const m = placed();
    m.linkReplace(v('C-1'), v('C-2'), a(20), 1);
    expect(m.apply(snap('C-2', 20, 9, 'FILLED', { qty: a(20) }), 2).events.map((e) => e.type)).toEqual(['OrderFilled']);
    expect(m.linkReplace(v('C-2'), v('C-3'), undefined, 3).events).toMatchObject([{ type: 'OrderReplaced', venueOrderId: 'C-3', qty: a(20) }]);
    expect(m.get(toOrderId('O-1'))?.intent.qty).toBe(a(20));
  });

  it('refuses an overfill: counted, reported, not applied', () => {
    const m = placed();
    const r = m.apply(snap('C-1', 11, 10, 'FILLED'), 1);
    expect(r.events).toEqual([]);
    expect(r.issues).toMatchObject([{ kind: 'overfill', filledQty: a(11), qty: a(10) }]);
    expect(m.get(toOrderId('O-1'))?.filledQty).toBe(0n);
    expect(m.counters.overfills).toBe(1);
  });

  it('keeps terminal states absorbing; a late fill is booked, reported and emitted without reopening the order', () => {
    const m = placed();
    m.apply(snap('C-1', 2, 10, 'PARTIALLY_FILLED'), 1);
    expect(m.apply(snap('C-1', 2, 10, 'CANCELED', { reason: 'user' }), 2).events).toMatchObject([{ type: 'OrderCanceled', reason: 'user' }]);
    expect(m.apply(snap('C-1', 2, 10, 'NEW'), 3).events).toEqual([]);
    const late = m.apply(snap('C-1', 3, 10, 'CANCELED'), 4);
    expect(late.events).toMatchObject([{ type: 'OrderFilled', status: 'CANCELED', fill: { qty: a(1) }, filledQty: a(3) }]);
    expect(late.issues).toMatchObject([{ kind: 'late-fill', fill: { qty: a(1), execId: 'C-1:3' } }]);
    expect(m.get(toOrderId('O-1'))).toMatchObject({ status: 'CANCELED', filledQty: a(3) });
  });

  it('emits the fills of a closing report before the close', () => {
    const m = placed();
    expect(m.apply(snap('C-1', 3, 10, 'CANCELED'), 1).events.map((e) => e.type)).toEqual(['OrderFilled', 'OrderCanceled']);
  });

  it('treats an order as recent for 5,000 ms after its last event (T-8)', () => {
    const m = placed();
    m.apply(snap('C-1', 1, 10, 'PARTIALLY_FILLED'), 10_000);
    expect(m.isRecent(toOrderId('O-1'), 14_999)).toBe(true);
    expect(m.isRecent(toOrderId('O-1'), 15_000)).toBe(false);
    expect(m.isRecent(toOrderId('O-9'), 0)).toBe(false);
  });

  it('refuses to expect the same order twice and to acknowledge an order not in flight', () => {
    const m = placed();
    expect(() => m.expectPlace(intent(), 1)).toThrow(/already known/);
    expect(() => m.acknowledge(toOrderId('O-7'), v('C-7'), 1)).toThrow(/no place in flight/);
  });

  it('restores a journaled order without events and keeps applying its reports', () => {
    const m = new OrderManager();
    const order = placed().get(toOrderId('O-1'));
    if (order === undefined) throw new Error('missing order');
    m.restore({ ...order, status: 'PARTIALLY_FILLED', filledQty: a(4), avgFillPrice: a(10) }, 0);
    expect(fills(m.apply(snap('C-1', 10, 10.15, 'FILLED'), 1).events)).toEqual([['C-1:10', a(6), a(10.25)]]);
    expect(m.open()).toEqual([]);
  });
});
