import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { OrderRecord } from '../../../src/report/index.js';
import { orderListHash } from '../../../src/report/index.js';
import { amt, marketOrder, order } from './builders.js';

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

describe('orderListHash', () => {
  it('hashes one canonical line per order', () => {
    // ts 2024-01-02T14:30Z = 1704205800000; qty 10, limit 150.5, no stop, filled 10 @ 150.25.
    const expected = sha256(
      'O-000001,1704205800000,AAPL,BUY,LIMIT,DAY,10,150.5,,FILLED,10,150.25\n' +
        'O-000002,1704205800000,AAPL,SELL,MARKET,DAY,10,,,FILLED,10,150.25\n',
    );
    expect(orderListHash([order(), marketOrder({ id: 'O-000002', side: 'SELL' })])).toBe(expected);
  });

  it('hashes the empty list as the empty text', () => {
    expect(orderListHash([])).toBe(sha256(''));
  });

  it('is stable across calls and copies', () => {
    const orders = [order(), marketOrder({ id: 'O-000002' })];
    expect(orderListHash(orders)).toBe(orderListHash(orders.map((o) => ({ ...o }))));
  });

  it('changes when any hashed field changes', () => {
    const base = orderListHash([order()]);
    const variants: readonly OrderRecord[] = [
      order({ id: 'O-000009' }),
      order({ ts: order().ts + 1 }),
      order({ symbol: 'MSFT' }),
      order({ side: 'SELL' }),
      order({ type: 'STOP_LIMIT' }),
      order({ tif: 'GTC' }),
      order({ qty: amt('10.00000001') }),
      order({ limitPrice: amt('150.51') }),
      marketOrder({ type: 'LIMIT' }),
      order({ stopPrice: amt('149') }),
      order({ status: 'CANCELED' }),
      order({ filledQty: amt('9') }),
      order({ avgFillPrice: amt('150.26') }),
    ];
    const hashes = variants.map((v) => orderListHash([v]));
    for (const hash of hashes) expect(hash).not.toBe(base);
    expect(new Set(hashes).size).toBe(variants.length);
  });

  it('depends on order sequence', () => {
    const a = order();
    const b = order({ id: 'O-000002' });
    expect(orderListHash([a, b])).not.toBe(orderListHash([b, a]));
  });

  it('ignores the free-text tag', () => {
    expect(orderListHash([order({ tag: 'entry' })])).toBe(orderListHash([order()]));
  });

  it('cannot be fooled by a comma inside a field', () => {
    // Unquoted, id "A,B" + symbol "C" would read like id "A" + symbol "B,C".
    expect(orderListHash([order({ id: 'A,B', symbol: 'C' })])).not.toBe(orderListHash([order({ id: 'A', symbol: 'B,C' })]));
  });

  it('prints equal amounts alike whatever their origin', () => {
    expect(orderListHash([order({ qty: amt('10.000') })])).toBe(orderListHash([order({ qty: amt('10') })]));
  });
});
