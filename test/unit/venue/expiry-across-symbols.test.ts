import { describe, expect, it } from 'vitest';
import { bar, intent, session } from '../../support/builders.js';
import { harness } from './venue-harness.js';

describe('DAY expiry when the order symbol has no further bars', () => {
  it('expires at its session close when another symbol\'s later bar arrives', () => {
    const h = harness();
    h.decide(bar({ symbol: 'AAA', day: '2024-01-02', o: 10, h: 11, l: 9, c: 10 }), intent({ symbol: 'AAA', type: 'LIMIT', limit: 5, tif: 'DAY' }));
    h.feed(bar({ symbol: 'BBB', day: '2024-01-03', o: 20, h: 21, l: 19, c: 20 }));
    expect(h.types()).toEqual(['OrderAccepted']);
    h.feed(bar({ symbol: 'BBB', day: '2024-01-04', o: 20, h: 21, l: 19, c: 20 }));
    const closed = h.closed();
    expect(closed.map((e) => e.type)).toEqual(['OrderExpired']);
    expect(closed[0]?.ts).toBe(session('2024-01-03').close);
    expect(h.venue.openOrders()).toEqual([]);
  });

  it('keeps a GTC order working across other symbols\' bars', () => {
    const h = harness();
    h.decide(bar({ symbol: 'AAA', day: '2024-01-02', o: 10, h: 11, l: 9, c: 10 }), intent({ symbol: 'AAA', type: 'LIMIT', limit: 5, tif: 'GTC' }));
    h.feed(bar({ symbol: 'BBB', day: '2024-01-05', o: 20, h: 21, l: 19, c: 20 }));
    expect(h.closed()).toEqual([]);
    expect(h.venue.openOrders()).toHaveLength(1);
  });
});
