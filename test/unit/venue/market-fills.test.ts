import { describe, expect, it } from 'vitest';
import { amt, bar, intent, session } from '../../support/builders.js';
import { fixedBpsSlippage } from '../../../src/venue/index.js';
import { harness } from './venue-harness.js';

const D1 = bar({ day: '2024-01-02', o: 100, h: 105, l: 99, c: 104 });
const D2 = bar({ day: '2024-01-03', o: 106, h: 110, l: 101, c: 108 });
const D3 = bar({ day: '2024-01-04', o: 90, h: 95, l: 89, c: 94 });

describe('SimulatedVenue market orders, next-open', () => {
  it('accepts at the decision time and does not fill on the decision bar', () => {
    const h = harness();
    h.decide(D1, intent());
    expect(h.types()).toEqual(['OrderAccepted']);
    expect(h.events[0]?.ts).toBe(session('2024-01-02').close);
    expect(h.venue.openOrders()).toHaveLength(1);
  });

  it("fills at the next bar's open, stamped with that bar's open time", () => {
    const h = harness();
    h.decide(D1, intent());
    h.feed(D2);
    const [f] = h.fills();
    expect(h.fills()).toHaveLength(1);
    expect(f?.fill.price).toBe(amt('106'));
    expect(f?.fill.qty).toBe(amt('100'));
    expect(f?.ts).toBe(session('2024-01-03').open);
    expect(f?.fill.ts).toBe(D2.ts);
    expect(f?.status).toBe('FILLED');
    expect(f?.filledQty).toBe(amt('100'));
    expect(f?.leavesQty).toBe(0n);
    expect(h.venue.openOrders()).toEqual([]);
  });

  it('fills only once: later bars do not fill the same order again', () => {
    const h = harness();
    h.decide(D1, intent());
    h.feed(D2);
    h.feed(D3);
    expect(h.fills()).toHaveLength(1);
  });

  it('echoes order id, symbol and side on the fill and numbers exec ids', () => {
    const h = harness();
    h.decide(D1, intent({ id: 'O-7', side: 'SELL' }));
    h.feed(D2);
    const f = h.fills()[0]?.fill;
    expect(f).toMatchObject({ orderId: 'O-7', symbol: 'T', side: 'SELL', commission: 0n });
    expect(f?.execId).toBe('SIM-E-000001');
  });

  it('ignores bars of other symbols', () => {
    const h = harness();
    h.decide(D1, intent());
    h.feed(bar({ symbol: 'U', day: '2024-01-03', o: 50, h: 51, l: 49, c: 50 }));
    expect(h.fills()).toEqual([]);
    h.feed(D2);
    expect(h.fills()[0]?.fill.price).toBe(amt('106'));
  });

  it('does not fill an order on a same-time bar of its symbol that the venue sees after the decision', () => {
    // The decision bar of another symbol closes at the same time; T's own D1 bar arrives after the decision.
    const h = harness();
    h.decide(bar({ symbol: 'U', day: '2024-01-02', o: 50, h: 51, l: 49, c: 50 }), intent());
    h.feed(D1);
    expect(h.fills()).toEqual([]);
    h.feed(D2);
    expect(h.fills()[0]?.fill.price).toBe(amt('106'));
  });

  it('applies slippage against the order: buys pay more, sells receive less', () => {
    const buy = harness({ slippage: fixedBpsSlippage(10) });
    buy.decide(D1, intent());
    buy.feed(D2);
    expect(buy.fills()[0]?.fill.price).toBe(amt('106.106'));
    const sell = harness({ slippage: fixedBpsSlippage(10) });
    sell.decide(D1, intent({ side: 'SELL' }));
    sell.feed(D2);
    expect(sell.fills()[0]?.fill.price).toBe(amt('105.894'));
  });
});

describe("SimulatedVenue market orders, fillMode 'close'", () => {
  it("fills immediately at the decision bar's close, stamped with the close time", () => {
    const h = harness({ fillMode: 'close' });
    h.decide(D1, intent());
    expect(h.types()).toEqual(['OrderAccepted', 'OrderFilled']);
    const f = h.fills()[0];
    expect(f?.fill.price).toBe(amt('104'));
    expect(f?.ts).toBe(session('2024-01-02').close);
    h.feed(D2);
    expect(h.fills()).toHaveLength(1);
  });

  it('applies slippage to the close fill', () => {
    const h = harness({ fillMode: 'close', slippage: fixedBpsSlippage(10) });
    h.decide(D1, intent({ side: 'SELL' }));
    expect(h.fills()[0]?.fill.price).toBe(amt('103.896'));
  });

  it('waits for the next bar when submitted at a time that is not the last bar close', () => {
    const h = harness({ fillMode: 'close' });
    h.feed(D1);
    h.clock.advanceTo(D1.tsEnd + 60_000);
    h.venue.submit(intent());
    expect(h.fills()).toEqual([]);
    h.feed(D2);
    expect(h.fills()[0]?.fill.price).toBe(amt('106'));
  });

  it('rests a limit order that is not marketable at the close and fills it on a later bar', () => {
    const h = harness({ fillMode: 'close' });
    h.decide(D1, intent({ type: 'LIMIT', limit: 103 }));
    expect(h.fills()).toEqual([]);
    h.feed(bar({ day: '2024-01-03', o: 104, h: 105, l: 102, c: 103 }));
    expect(h.fills()[0]?.fill.price).toBe(amt('103'));
  });

  it('fills a limit order marketable at the close at the close price, without slippage', () => {
    const h = harness({ fillMode: 'close', slippage: fixedBpsSlippage(10) });
    h.decide(D1, intent({ type: 'LIMIT', limit: 104.5 }));
    expect(h.fills()[0]?.fill.price).toBe(amt('104'));
  });
});
