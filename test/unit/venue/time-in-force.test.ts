import { describe, expect, it } from 'vitest';
import { amt, bar, intent, session } from '../../support/builders.js';
import { harness } from './venue-harness.js';

const D1 = bar({ day: '2024-01-02', o: 100, h: 101, l: 99, c: 100 });
const QUIET = (day: string): ReturnType<typeof bar> => bar({ day, o: 100, h: 101, l: 98, c: 100 });
const DIP = (day: string, low: number): ReturnType<typeof bar> => bar({ day, o: 100, h: 101, l: low, c: 100 });

describe('DAY orders', () => {
  it('placed at a daily close, expire at the NEXT session close, not earlier', () => {
    const h = harness();
    h.decide(D1, intent({ type: 'LIMIT', limit: 95, tif: 'DAY' }));
    h.clock.advanceTo(session('2024-01-03').open);
    expect(h.types()).toEqual(['OrderAccepted']);
    h.feed(QUIET('2024-01-03'));
    expect(h.types()).toEqual(['OrderAccepted', 'OrderExpired']);
    expect(h.closed()[0]?.ts).toBe(session('2024-01-03').close);
    expect(h.venue.openOrders()).toEqual([]);
  });

  it('fill during the next session when touched', () => {
    const h = harness();
    h.decide(D1, intent({ type: 'LIMIT', limit: 95, tif: 'DAY' }));
    h.feed(DIP('2024-01-03', 94));
    expect(h.types()).toEqual(['OrderAccepted', 'OrderFilled']);
    expect(h.fills()[0]?.fill.price).toBe(amt('95'));
  });

  it('never fill after expiring, even when a later bar touches', () => {
    const h = harness();
    h.decide(D1, intent({ type: 'LIMIT', limit: 95, tif: 'DAY' }));
    h.feed(QUIET('2024-01-03'));
    h.feed(DIP('2024-01-04', 90));
    expect(h.fills()).toEqual([]);
    expect(h.closed()).toHaveLength(1);
  });

  it('placed on a Friday close, live through Monday (the next session)', () => {
    const h = harness();
    h.decide(QUIET('2024-01-05'), intent({ type: 'LIMIT', limit: 95, tif: 'DAY' }));
    h.feed(QUIET('2024-01-08'));
    expect(h.closed()[0]).toMatchObject({ type: 'OrderExpired', ts: session('2024-01-08').close });
  });

  it('expire at their own session close when the symbol has no bar that day', () => {
    const h = harness();
    h.decide(D1, intent({ type: 'LIMIT', limit: 95, tif: 'DAY' }));
    h.feed(DIP('2024-01-04', 90));
    expect(h.fills()).toEqual([]);
    expect(h.closed()[0]).toMatchObject({ type: 'OrderExpired', ts: session('2024-01-03').close });
  });

  it('partially filled by volume, expire with the remainder at the session close', () => {
    const h = harness({ maxParticipation: 0.1 });
    h.decide(D1, intent({ qty: 120, tif: 'DAY' }));
    h.feed(bar({ day: '2024-01-03', o: 100, h: 101, l: 99, c: 100, v: 500 }));
    expect(h.types()).toEqual(['OrderAccepted', 'OrderFilled', 'OrderExpired']);
    expect(h.fills()[0]?.fill.qty).toBe(amt('50'));
    expect(h.closed()[0]?.ts).toBe(session('2024-01-03').close);
  });
});

describe('GTC orders', () => {
  it('carry over several bars until touched', () => {
    const h = harness();
    h.decide(D1, intent({ type: 'LIMIT', limit: 90, tif: 'GTC' }));
    for (const [day, low] of [['2024-01-03', 95], ['2024-01-04', 93], ['2024-01-05', 91]] as const) h.feed(DIP(day, low));
    expect(h.types()).toEqual(['OrderAccepted']);
    h.feed(DIP('2024-01-08', 89));
    expect(h.fills()[0]?.fill.price).toBe(amt('90'));
    expect(h.fills()[0]?.ts).toBe(session('2024-01-08').open);
  });
});

describe('IOC orders', () => {
  it('are canceled when they cannot fill on their first eligible bar', () => {
    const h = harness();
    h.decide(D1, intent({ type: 'LIMIT', limit: 95, tif: 'IOC' }));
    h.feed(QUIET('2024-01-03'));
    expect(h.closed()).toMatchObject([{ type: 'OrderCanceled', ts: session('2024-01-03').open }]);
    h.feed(DIP('2024-01-04', 90));
    expect(h.fills()).toEqual([]);
  });

  it('fill fully without a cancel when volume allows', () => {
    const h = harness();
    h.decide(D1, intent({ tif: 'IOC' }));
    h.feed(QUIET('2024-01-03'));
    expect(h.types()).toEqual(['OrderAccepted', 'OrderFilled']);
  });

  it('with participation: fill partially, then cancel the remainder on the same bar', () => {
    const h = harness({ maxParticipation: 0.1 });
    h.decide(D1, intent({ qty: 120, tif: 'IOC' }));
    h.feed(bar({ day: '2024-01-03', o: 100, h: 101, l: 99, c: 100, v: 500 }));
    expect(h.types()).toEqual(['OrderAccepted', 'OrderFilled', 'OrderCanceled']);
    expect(h.fills()[0]).toMatchObject({ status: 'PARTIALLY_FILLED', filledQty: amt('50'), leavesQty: amt('70') });
    h.feed(bar({ day: '2024-01-04', o: 100, h: 101, l: 99, c: 100, v: 500 }));
    expect(h.fills()).toHaveLength(1);
  });

  it("in 'close' mode: are canceled at once when not marketable at the close", () => {
    const h = harness({ fillMode: 'close' });
    h.decide(D1, intent({ type: 'LIMIT', limit: 95, tif: 'IOC' }));
    expect(h.closed()).toMatchObject([{ type: 'OrderCanceled', ts: D1.tsEnd }]);
  });

  it("in 'close' mode: a volume-capped remainder is canceled at the close, not carried to the next bar", () => {
    const h = harness({ fillMode: 'close', maxParticipation: 0.1 });
    h.decide(bar({ day: '2024-01-02', o: 100, h: 101, l: 99, c: 100, v: 500 }), intent({ qty: 120, tif: 'IOC' }));
    expect(h.types()).toEqual(['OrderAccepted', 'OrderFilled', 'OrderCanceled']);
    h.feed(bar({ day: '2024-01-03', o: 100, h: 101, l: 99, c: 100, v: 500 }));
    expect(h.fills()).toHaveLength(1);
  });
});

describe('FOK orders', () => {
  it('are canceled with no partial fill when volume caps the quantity', () => {
    const h = harness({ maxParticipation: 0.1 });
    h.decide(D1, intent({ qty: 120, tif: 'FOK' }));
    h.feed(bar({ day: '2024-01-03', o: 100, h: 101, l: 99, c: 100, v: 500 }));
    expect(h.types()).toEqual(['OrderAccepted', 'OrderCanceled']);
    h.feed(bar({ day: '2024-01-04', o: 100, h: 101, l: 99, c: 100, v: 5000 }));
    expect(h.fills()).toEqual([]);
  });

  it('fill completely when the volume covers the quantity', () => {
    const h = harness({ maxParticipation: 0.1 });
    h.decide(D1, intent({ qty: 120, tif: 'FOK' }));
    h.feed(bar({ day: '2024-01-03', o: 100, h: 101, l: 99, c: 100, v: 1200 }));
    expect(h.fills()).toMatchObject([{ status: 'FILLED', filledQty: amt('120') }]);
    expect(h.closed()).toEqual([]);
  });

  it("in 'close' mode: are canceled at once when the volume cannot cover them", () => {
    const h = harness({ fillMode: 'close', maxParticipation: 0.1 });
    h.decide(bar({ day: '2024-01-02', o: 100, h: 101, l: 99, c: 100, v: 500 }), intent({ qty: 120, tif: 'FOK' }));
    expect(h.types()).toEqual(['OrderAccepted', 'OrderCanceled']);
    h.feed(bar({ day: '2024-01-03', o: 100, h: 101, l: 99, c: 100, v: 5000 }));
    expect(h.fills()).toEqual([]);
  });
});
