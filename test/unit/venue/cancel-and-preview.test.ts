import { describe, expect, it } from 'vitest';
import { toOrderId } from '../../../src/core/index.js';
import { amt, bar, intent, session } from '../../support/builders.js';
import { percentFee } from '../../../src/venue/index.js';
import { harness } from './venue-harness.js';

const D1 = bar({ day: '2024-01-02', o: 100, h: 105, l: 99, c: 104 });
const DIP = bar({ day: '2024-01-03', o: 100, h: 101, l: 90, c: 95 });

describe('SimulatedVenue.cancel', () => {
  it('cancels a working order with an OrderCanceled at the current time', () => {
    const h = harness();
    h.decide(D1, intent({ type: 'LIMIT', limit: 95 }));
    h.clock.advanceTo(session('2024-01-03').open - 1000);
    h.venue.cancel(toOrderId('O-1'));
    expect(h.closed()).toMatchObject([{ type: 'OrderCanceled', orderId: 'O-1', ts: session('2024-01-03').open - 1000 }]);
    expect(h.venue.openOrders()).toEqual([]);
  });

  it('a canceled order never fills later', () => {
    const h = harness();
    h.decide(D1, intent({ type: 'LIMIT', limit: 95 }));
    h.venue.cancel(toOrderId('O-1'));
    h.feed(DIP);
    expect(h.fills()).toEqual([]);
  });

  it('only cancels the named order', () => {
    const h = harness();
    h.decide(D1, intent({ id: 'A', type: 'LIMIT', limit: 95 }));
    h.venue.submit(intent({ id: 'B', type: 'LIMIT', limit: 96 }));
    h.venue.cancel(toOrderId('A'));
    h.feed(DIP);
    expect(h.fills().map((f) => f.orderId)).toEqual(['B']);
  });

  it('ignores unknown and already filled orders', () => {
    const h = harness();
    h.decide(D1, intent());
    h.feed(DIP);
    h.venue.cancel(toOrderId('O-1'));
    h.venue.cancel(toOrderId('nope'));
    expect(h.types()).toEqual(['OrderAccepted', 'OrderFilled']);
  });
});

describe('SimulatedVenue.openOrders and ids', () => {
  it('lists working orders with sequential venue order ids', () => {
    const h = harness();
    h.decide(D1, intent({ id: 'A', type: 'LIMIT', limit: 95 }));
    h.venue.submit(intent({ id: 'B', type: 'LIMIT', limit: 90 }));
    expect(h.venue.openOrders().map((o) => [o.id, o.venueOrderId, o.status])).toEqual([
      ['A', 'SIM-000001', 'NEW'],
      ['B', 'SIM-000002', 'NEW'],
    ]);
  });
});

describe('SimulatedVenue.preview', () => {
  it('estimates a market buy at the last close with commission in the buying-power impact', () => {
    const h = harness({ fees: percentFee(0.001) });
    h.feed(D1);
    expect(h.venue.preview(intent({ qty: 100 }))).toEqual({
      ok: true, estimatedCost: amt('10400'), commission: amt('10.4'), buyingPowerImpact: amt('10410.4'),
    });
  });

  it('uses the limit price of a limit order and only the commission for a sell', () => {
    const h = harness({ fees: percentFee(0.001) });
    h.feed(D1);
    expect(h.venue.preview(intent({ side: 'SELL', type: 'LIMIT', limit: 110, qty: 10 }))).toEqual({
      ok: true, estimatedCost: amt('1100'), commission: amt('1.1'), buyingPowerImpact: amt('1.1'),
    });
  });

  it('uses the stop price of a stop order', () => {
    const h = harness();
    h.feed(D1);
    const p = h.venue.preview(intent({ type: 'STOP', stop: 106, qty: 10 }));
    expect(p).toMatchObject({ ok: true, estimatedCost: amt('1060') });
  });

  it('returns ok:false for a market order on a symbol without market data', () => {
    const h = harness();
    h.feed(D1);
    const p = h.venue.preview(intent({ symbol: 'ZZZ' }));
    expect(p.ok).toBe(false);
    if (!p.ok) expect(p.reason).toContain('ZZZ');
  });
});
