import { describe, expect, it } from 'vitest';
import { marketableAt, matchOnBar, type BarOrder } from '../../../src/venue/index.js';
import { bar } from '../../support/builders.js';

const B = bar({ day: '2024-01-03', o: 100, h: 104, l: 96, c: 102 });
const order = (o: Partial<BarOrder>): BarOrder => ({ side: 'BUY', type: 'MARKET', limit: Number.NaN, stop: Number.NaN, triggered: false, ...o });

describe('matchOnBar', () => {
  it.each([
    ['market', order({}), 'open'],
    ['limit buy below the low', order({ type: 'LIMIT', limit: 95 }), undefined],
    ['limit buy touched', order({ type: 'LIMIT', limit: 97 }), 'limit'],
    ['limit buy at or above the open', order({ type: 'LIMIT', limit: 100 }), 'open'],
    ['limit sell touched', order({ side: 'SELL', type: 'LIMIT', limit: 103 }), 'limit'],
    ['limit sell above the high', order({ side: 'SELL', type: 'LIMIT', limit: 105 }), undefined],
    ['stop buy touched', order({ type: 'STOP', stop: 103 }), 'stop'],
    ['stop buy at or below the open', order({ type: 'STOP', stop: 100 }), 'open'],
    ['stop sell touched', order({ side: 'SELL', type: 'STOP', stop: 97 }), 'stop'],
    ['stop sell beyond the low', order({ side: 'SELL', type: 'STOP', stop: 95 }), undefined],
    ['stop-limit buy, stop <= limit', order({ type: 'STOP_LIMIT', stop: 103, limit: 103.5 }), 'stop'],
    ['stop-limit buy, limit < stop', order({ type: 'STOP_LIMIT', stop: 103, limit: 102 }), undefined],
  ] as const)('%s → %s', (_name, o, at) => {
    expect(matchOnBar(o, B).at).toBe(at);
  });

  it('reports a stop-limit as triggered when its stop is hit without a fill, and not before', () => {
    expect(matchOnBar(order({ type: 'STOP_LIMIT', stop: 103, limit: 102 }), B).triggered).toBe(true);
    expect(matchOnBar(order({ type: 'STOP_LIMIT', stop: 105, limit: 106 }), B)).toEqual({ at: undefined, triggered: false });
  });

  it('treats an already triggered stop-limit as a plain limit', () => {
    expect(matchOnBar(order({ type: 'STOP_LIMIT', stop: 200, limit: 97, triggered: true }), B)).toEqual({ at: 'limit', triggered: true });
    expect(matchOnBar(order({ type: 'STOP_LIMIT', stop: 200, limit: 95, triggered: true }), B)).toEqual({ at: undefined, triggered: true });
  });
});

describe('marketableAt', () => {
  it('checks the order against one price', () => {
    expect(marketableAt(order({}), 1)).toBe(true);
    expect(marketableAt(order({ type: 'LIMIT', limit: 100 }), 100)).toBe(true);
    expect(marketableAt(order({ type: 'LIMIT', limit: 100 }), 100.01)).toBe(false);
    expect(marketableAt(order({ side: 'SELL', type: 'LIMIT', limit: 100 }), 99.99)).toBe(false);
    expect(marketableAt(order({ type: 'STOP', stop: 100 }), 99.99)).toBe(false);
    expect(marketableAt(order({ side: 'SELL', type: 'STOP', stop: 100 }), 99.99)).toBe(true);
    expect(marketableAt(order({ type: 'STOP_LIMIT', stop: 100, limit: 101 }), 100.5)).toBe(true);
    expect(marketableAt(order({ type: 'STOP_LIMIT', stop: 100, limit: 101 }), 101.5)).toBe(false);
  });
});
