import { describe, expect, it } from 'vitest';
import { amt, bar, intent, session } from '../../support/builders.js';
import { fixedBpsSlippage } from '../../../src/venue/index.js';
import { harness } from './venue-harness.js';

const DECIDE = bar({ day: '2024-01-02', o: 100, h: 101, l: 99, c: 100 });
const DAY2 = '2024-01-03';

/** Returns the fill price (or undefined) of one order decided on DECIDE and shown one next bar. */
function fillOn(next: { o: number; h: number; l: number; c: number }, spec: Parameters<typeof intent>[0], bps = 0): bigint | undefined {
  const h = harness({ slippage: fixedBpsSlippage(bps) });
  h.decide(DECIDE, intent(spec));
  h.feed(bar({ day: DAY2, ...next }));
  return h.fills()[0]?.fill.price;
}

describe('SimulatedVenue limit buy', () => {
  const buy = { type: 'LIMIT', limit: 95 } as const;

  it('does not fill when the bar never trades down to the limit', () => {
    expect(fillOn({ o: 100, h: 102, l: 96, c: 101 }, buy)).toBeUndefined();
  });

  it('keeps resting after an untouched bar', () => {
    const h = harness();
    h.decide(DECIDE, intent(buy));
    h.feed(bar({ day: DAY2, o: 100, h: 102, l: 96, c: 101 }));
    expect(h.venue.openOrders()).toMatchObject([{ id: 'O-1', status: 'NEW', filledQty: 0n }]);
  });

  it('fills at the limit when the low touches it', () => {
    expect(fillOn({ o: 100, h: 102, l: 94, c: 97 }, buy)).toBe(amt('95'));
  });

  it('fills at the limit when the low equals it exactly', () => {
    expect(fillOn({ o: 100, h: 102, l: 95, c: 97 }, buy)).toBe(amt('95'));
  });

  it('fills at the open, a better price, when the bar gaps down through the limit', () => {
    expect(fillOn({ o: 93, h: 96, l: 92, c: 95 }, buy)).toBe(amt('93'));
  });

  it('never applies slippage to a limit fill, touched or gapped', () => {
    expect(fillOn({ o: 100, h: 102, l: 94, c: 97 }, buy, 10)).toBe(amt('95'));
    expect(fillOn({ o: 93, h: 96, l: 92, c: 95 }, buy, 10)).toBe(amt('93'));
  });

  it('keeps a fractional limit price exact', () => {
    expect(fillOn({ o: 100, h: 102, l: 94, c: 97 }, { type: 'LIMIT', limit: 95.37 })).toBe(amt('95.37'));
  });

  it('stamps the fill with the fill bar open time', () => {
    const h = harness();
    h.decide(DECIDE, intent(buy));
    h.feed(bar({ day: DAY2, o: 100, h: 102, l: 94, c: 97 }));
    expect(h.fills()[0]?.ts).toBe(session(DAY2).open);
  });
});

describe('SimulatedVenue limit sell', () => {
  const sell = { side: 'SELL', type: 'LIMIT', limit: 110 } as const;

  it('does not fill when the high stays below the limit', () => {
    expect(fillOn({ o: 105, h: 109, l: 104, c: 108 }, sell)).toBeUndefined();
  });

  it('fills at the limit when the high touches it', () => {
    expect(fillOn({ o: 105, h: 111, l: 104, c: 108 }, sell)).toBe(amt('110'));
  });

  it('fills at the open, a better price, when the bar gaps up through the limit', () => {
    expect(fillOn({ o: 112, h: 113, l: 108, c: 109 }, sell)).toBe(amt('112'));
  });

  it('never applies slippage to a limit sell', () => {
    expect(fillOn({ o: 112, h: 113, l: 108, c: 109 }, sell, 10)).toBe(amt('112'));
  });
});

describe('SimulatedVenue stop buy', () => {
  const buy = { type: 'STOP', stop: 105 } as const;

  it('fills at the stop when the high reaches it after a lower open', () => {
    expect(fillOn({ o: 100, h: 106, l: 99, c: 104 }, buy)).toBe(amt('105'));
  });

  it('fills at the open, a worse price, when the bar gaps up through the stop', () => {
    expect(fillOn({ o: 107, h: 108, l: 106, c: 107 }, buy)).toBe(amt('107'));
  });

  it('rests while not touched, then fills on the bar that touches', () => {
    const h = harness();
    h.decide(DECIDE, intent(buy));
    h.feed(bar({ day: DAY2, o: 100, h: 104, l: 99, c: 103 }));
    expect(h.fills()).toEqual([]);
    expect(h.venue.openOrders()).toHaveLength(1);
    h.feed(bar({ day: '2024-01-04', o: 103, h: 105.5, l: 102, c: 105 }));
    expect(h.fills()[0]?.fill.price).toBe(amt('105'));
    expect(h.fills()[0]?.ts).toBe(session('2024-01-04').open);
  });

  it('applies slippage to a touched stop and to a gap fill', () => {
    expect(fillOn({ o: 100, h: 106, l: 99, c: 104 }, buy, 10)).toBe(amt('105.105'));
    expect(fillOn({ o: 107, h: 108, l: 106, c: 107 }, buy, 10)).toBe(amt('107.107'));
  });
});

describe('SimulatedVenue stop sell', () => {
  const sell = { side: 'SELL', type: 'STOP', stop: 95 } as const;

  it('does not fill while the low stays above the stop', () => {
    expect(fillOn({ o: 100, h: 101, l: 96, c: 97 }, sell)).toBeUndefined();
  });

  it('fills at the stop when the low reaches it', () => {
    expect(fillOn({ o: 100, h: 101, l: 94, c: 96 }, sell)).toBe(amt('95'));
  });

  it('fills at the open, a worse price, when the bar gaps down through the stop', () => {
    expect(fillOn({ o: 93, h: 94, l: 90, c: 92 }, sell)).toBe(amt('93'));
  });

  it('applies slippage downwards for a sell stop', () => {
    expect(fillOn({ o: 100, h: 101, l: 94, c: 96 }, sell, 10)).toBe(amt('94.905'));
  });
});
