import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toExecId, toOrderId, toSymbol, toVenueOrderId, ZERO, type Amount, type Fill, type Symbol } from '../../../src/core/index.js';
import { Journal } from '../../../src/execution/index.js';
import { amt } from '../../support/builders.js';
import { execFill, fixedClock, journalPath, limitIntent } from './helpers.js';

const O1 = toOrderId('O-1');

describe('journal fills', () => {
  it('refuses a repeated exec id and changes nothing: fills, order and position stay as they were', () => {
    const journal = Journal.open(journalPath(), fixedClock());
    journal.recordIntent(limitIntent('O-1', { qty: '10' }));
    const first = execFill('E-1', 'O-1', '4', '150.10', { commission: '0.35' });
    expect(journal.recordFill(first)).toBe('applied');
    const orderBefore = journal.order(O1);
    const positionsBefore = journal.positionsFromFills();
    // Same exec id again, even with different numbers (a REST poll echo, a replay after reconnect).
    expect(journal.recordFill(first)).toBe('duplicate');
    expect(journal.recordFill({ ...first, qty: amt('6'), price: amt('151'), ts: 9_999 })).toBe('duplicate');
    expect(journal.recordOrderEvent({
      kind: 'order', type: 'OrderFilled', orderId: O1, fill: first, filledQty: amt('4'), leavesQty: amt('6'), status: 'PARTIALLY_FILLED', ts: 2_000,
    })).toBe('duplicate');
    expect(journal.order(O1)).toEqual(orderBefore);
    expect(journal.positionsFromFills()).toEqual(positionsBefore);
    expect(journal.positionsFromFills().get(toSymbol('AAPL'))).toBe(amt('4'));
    expect(journal.fillsSince(0)).toEqual([first]);
    journal.close();
  });

  it('keeps the average price exact over many fills and signs sells negative', () => {
    const journal = Journal.open(journalPath(), fixedClock());
    journal.recordIntent(limitIntent('O-1', { qty: '3' }));
    journal.recordFill(execFill('E-1', 'O-1', '1', '100.00000001'));
    journal.recordFill(execFill('E-2', 'O-1', '1', '100.00000002'));
    journal.recordFill(execFill('E-3', 'O-1', '1', '100.00000003'));
    journal.recordFill(execFill('E-4', 'O-9', '0.12345678', '20', { symbol: 'MSFT', side: 'SELL' }));
    expect(journal.order(O1)).toMatchObject({ status: 'FILLED', filledQty: amt('3'), avgPrice: amt('100.00000002') });
    expect(journal.positionsFromFills()).toEqual(new Map([[toSymbol('AAPL'), amt('3')], [toSymbol('MSFT'), amt('-0.12345678')]]));
    journal.close();
  });

  it('counts a fill stored before its acknowledgement once the order is accepted', () => {
    const journal = Journal.open(journalPath(), fixedClock());
    const intent = limitIntent('O-5', { qty: '10' });
    expect(journal.recordFill(execFill('E-1', 'O-5', '4', '150'))).toBe('applied');
    journal.recordOrderEvent({ kind: 'order', type: 'OrderAccepted', orderId: intent.id, intent, venueOrderId: toVenueOrderId('CL-5'), ts: 2_100 });
    expect(journal.order(intent.id)).toMatchObject({ status: 'PARTIALLY_FILLED', filledQty: amt('4'), avgPrice: amt('150') });
    journal.close();
  });

  it('counts each exec id once over random duplicated and reordered fill sequences (seeded)', () => {
    const symbols = ['AAA', 'BBB', 'CCC'] as const;
    const uniqueFill = fc.record({
      symbol: fc.constantFrom(...symbols),
      order: fc.integer({ min: 0, max: 2 }),
      sell: fc.boolean(),
      qtyUnits: fc.integer({ min: 1, max: 10_000_000 }),
      priceCents: fc.integer({ min: 1, max: 1_000_000 }),
    });
    const scenario = fc.array(uniqueFill, { minLength: 1, maxLength: 12 }).chain((fills) => fc.record({
      fills: fc.constant(fills),
      sequence: fc.array(fc.integer({ min: 0, max: fills.length - 1 }), { minLength: 1, maxLength: 40 }),
    }));
    fc.assert(fc.property(scenario, ({ fills, sequence }) => {
      const journal = Journal.open(journalPath(), fixedClock());
      for (let o = 0; o < 3; o++) journal.recordIntent(limitIntent(`O-${o}`, { qty: '1000000000' }));
      // Quantities with four decimals and prices in cents, built straight as scaled Amounts.
      const made: Fill[] = fills.map((f, i) => ({
        orderId: toOrderId(`O-${f.order}`), execId: toExecId(`E-${i}`), symbol: toSymbol(f.symbol), side: f.sell ? 'SELL' : 'BUY',
        qty: BigInt(f.qtyUnits) * 10_000n, price: BigInt(f.priceCents) * 1_000_000n, commission: ZERO, ts: 1_000 + i,
      }));
      const seen = new Set<number>();
      const expected = new Map<Symbol, Amount>();
      const filledByOrder = new Map<string, Amount>();
      for (const index of sequence) {
        const fill = made[index];
        if (fill === undefined) throw new Error('index out of range');
        const before = journal.order(fill.orderId)?.filledQty ?? ZERO;
        const outcome = journal.recordFill(fill);
        expect(outcome).toBe(seen.has(index) ? 'duplicate' : 'applied');
        if (!seen.has(index)) {
          seen.add(index);
          expected.set(fill.symbol, (expected.get(fill.symbol) ?? ZERO) + (fill.side === 'BUY' ? fill.qty : -fill.qty));
          filledByOrder.set(fill.orderId, (filledByOrder.get(fill.orderId) ?? ZERO) + fill.qty);
        }
        expect(journal.order(fill.orderId)?.filledQty ?? ZERO).toBeGreaterThanOrEqual(before);
      }
      expect(journal.positionsFromFills()).toEqual(expected);
      expect(journal.fillsSince(0)).toHaveLength(seen.size);
      for (const [orderId, filled] of filledByOrder) expect(journal.order(toOrderId(orderId))?.filledQty).toBe(filled);
      journal.close();
    }), { seed: 20_240_611, numRuns: 60 });
  });
});
