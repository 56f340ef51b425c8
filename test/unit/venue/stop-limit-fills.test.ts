import { describe, expect, it } from 'vitest';
import { amt, bar, intent } from '../../support/builders.js';
import { fixedBpsSlippage } from '../../../src/venue/index.js';
import { harness } from './venue-harness.js';

const DECIDE = bar({ day: '2024-01-02', o: 100, h: 101, l: 99, c: 100 });
const DAYS = ['2024-01-03', '2024-01-04', '2024-01-05'] as const;
type Ohlc = { o: number; h: number; l: number; c: number };

/** Decides one stop-limit on DECIDE, then feeds the bars; returns the harness. */
function run(spec: Parameters<typeof intent>[0], bars: readonly Ohlc[], bps = 0): ReturnType<typeof harness> {
  const h = harness({ slippage: fixedBpsSlippage(bps) });
  h.decide(DECIDE, intent({ type: 'STOP_LIMIT', ...spec }));
  bars.forEach((b, i) => h.feed(bar({ day: DAYS[i] ?? '2024-01-08', ...b })));
  return h;
}

describe('SimulatedVenue stop-limit buy', () => {
  it('does nothing while the stop is not reached', () => {
    const h = run({ stop: 105, limit: 106 }, [{ o: 100, h: 104, l: 99, c: 103 }]);
    expect(h.fills()).toEqual([]);
    expect(h.venue.openOrders()).toHaveLength(1);
  });

  it('fills at the stop when it triggers intrabar with stop <= limit', () => {
    const h = run({ stop: 105, limit: 106 }, [{ o: 100, h: 107, l: 99, c: 104 }]);
    expect(h.fills()[0]?.fill.price).toBe(amt('105'));
  });

  it('applies slippage at the stop but never beyond the limit', () => {
    expect(run({ stop: 105, limit: 106 }, [{ o: 100, h: 107, l: 99, c: 104 }], 10).fills()[0]?.fill.price).toBe(amt('105.105'));
    expect(run({ stop: 105, limit: 105 }, [{ o: 100, h: 107, l: 99, c: 104 }], 10).fills()[0]?.fill.price).toBe(amt('105'));
  });

  it('with limit < stop: triggers without filling, then fills at the limit on a later bar that trades down to it', () => {
    const h = run({ stop: 105, limit: 104 }, [
      { o: 100, h: 106, l: 99, c: 105.5 },
      { o: 105.5, h: 107, l: 104.5, c: 106 },
      { o: 105, h: 105.5, l: 103, c: 104 },
    ]);
    expect(h.fills()).toHaveLength(1);
    expect(h.fills()[0]?.fill.price).toBe(amt('104'));
    expect(h.fills()[0]?.fill.ts).toBe(bar({ day: DAYS[2], o: 1, h: 1, l: 1, c: 1 }).ts);
  });

  it('stays triggered: a later bar that no longer reaches the stop still fills at the limit', () => {
    const h = run({ stop: 105, limit: 104 }, [
      { o: 100, h: 106, l: 99, c: 104.5 },
      { o: 104.5, h: 104.8, l: 103.5, c: 104 },
    ]);
    expect(h.fills()[0]?.fill.price).toBe(amt('104'));
  });

  it('once triggered, fills at a later open that is already below the limit', () => {
    const h = run({ stop: 105, limit: 104 }, [
      { o: 100, h: 106, l: 99, c: 104.5 },
      { o: 103, h: 103.5, l: 102, c: 103 },
    ]);
    expect(h.fills()[0]?.fill.price).toBe(amt('103'));
  });

  it('gap up through the stop but within the limit fills at the open without slippage', () => {
    const h = run({ stop: 105, limit: 106 }, [{ o: 105.5, h: 107, l: 105.2, c: 106 }], 10);
    expect(h.fills()[0]?.fill.price).toBe(amt('105.5'));
  });

  it('gap up through both stop and limit: no fill until the price comes back to the limit', () => {
    const h = run({ stop: 105, limit: 106 }, [
      { o: 108, h: 110, l: 107, c: 109 },
      { o: 107, h: 108, l: 105.5, c: 106 },
    ]);
    expect(h.fills()).toHaveLength(1);
    expect(h.fills()[0]?.fill.price).toBe(amt('106'));
    expect(h.fills()[0]?.fill.ts).toBe(bar({ day: DAYS[1], o: 1, h: 1, l: 1, c: 1 }).ts);
  });
});

describe('SimulatedVenue stop-limit sell', () => {
  it('fills at the stop when it triggers intrabar with stop >= limit', () => {
    const h = run({ side: 'SELL', stop: 95, limit: 94 }, [{ o: 100, h: 101, l: 93, c: 96 }]);
    expect(h.fills()[0]?.fill.price).toBe(amt('95'));
  });

  it('with limit > stop: triggers, then fills at the limit when a later bar trades up to it', () => {
    const h = run({ side: 'SELL', stop: 95, limit: 96 }, [
      { o: 100, h: 101, l: 94, c: 94.5 },
      { o: 95, h: 97, l: 94, c: 96 },
    ]);
    expect(h.fills()).toHaveLength(1);
    expect(h.fills()[0]?.fill.price).toBe(amt('96'));
  });

  it('gap down through stop and limit fills nothing on the gap bar', () => {
    const h = run({ side: 'SELL', stop: 95, limit: 94 }, [{ o: 92, h: 93, l: 90, c: 91 }]);
    expect(h.fills()).toEqual([]);
    expect(h.venue.openOrders()).toHaveLength(1);
  });

  it('gap down through the stop but within the limit fills at the open', () => {
    const h = run({ side: 'SELL', stop: 95, limit: 94 }, [{ o: 94.5, h: 95, l: 93, c: 94 }]);
    expect(h.fills()[0]?.fill.price).toBe(amt('94.5'));
  });

  it('never slips below the limit of a sell', () => {
    const h = run({ side: 'SELL', stop: 95, limit: 95 }, [{ o: 100, h: 101, l: 93, c: 96 }], 10);
    expect(h.fills()[0]?.fill.price).toBe(amt('95'));
  });
});
