import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { divAmount, mulAmount, toOrderId, type OrderEvent, type OrderStatus } from '../../../../src/core/index.js';
import { OrderManager, type VenueOrderSnapshot } from '../../../../src/execution/index.js';
import { a, intent, snap, v } from './builders.js';

/** The true history: one cumulative report per execution (qty 1..3 at 10..20), capped at 10. */
function history(execs: readonly [number, number][]): VenueOrderSnapshot[] {
  let cum = 0n;
  let cost = 0n;
  const out: VenueOrderSnapshot[] = [];
  for (const [q, p] of execs) {
    const qty = a(Math.min(q, 10 - Number(cum / a(1))));
    if (qty <= 0n) break;
    cum += qty;
    cost += mulAmount(qty, a(p));
    const status: OrderStatus = cum === a(10) ? 'FILLED' : 'PARTIALLY_FILLED';
    out.push({ ...snap('C-1', 0, 0, status), filledQty: cum, avgFillPrice: divAmount(cost, cum) });
  }
  return out;
}

describe('OrderManager under duplicated and reordered reports (T-3)', () => {
  it('never overfills, never lowers the cumulative quantity, and counts each exec id once', () => {
    const execs = fc.array(fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 10, max: 20 })), { minLength: 1, maxLength: 8 });
    const deliveries = fc.array(fc.nat(), { minLength: 1, maxLength: 30 });
    fc.assert(
      fc.property(execs, deliveries, fc.boolean(), (ex, picks, ackLate) => {
        const truth = history(ex);
        const sequence = [...picks.map((i) => truth[i % truth.length]), truth[truth.length - 1]].filter((s): s is VenueOrderSnapshot => s !== undefined);
        const m = new OrderManager();
        m.expectPlace(intent(), 0);
        if (!ackLate) m.acknowledge(toOrderId('O-1'), v('C-1'), 0);
        const execIds: string[] = [];
        let filled = 0n;
        let last = 0n;
        const record = (events: readonly OrderEvent[]): void => {
          for (const e of events) {
            if (e.type !== 'OrderFilled') continue;
            execIds.push(e.fill.execId);
            filled += e.fill.qty;
          }
        };
        sequence.forEach((s, t) => {
          record(m.apply(s, t).events);
          if (ackLate && t === Math.floor(sequence.length / 2)) record(m.acknowledge(toOrderId('O-1'), v('C-1'), t).events);
          const now = m.get(toOrderId('O-1'))?.filledQty ?? 0n;
          expect(now).toBeGreaterThanOrEqual(last);
          expect(now).toBeLessThanOrEqual(a(10));
          last = now;
        });
        expect(new Set(execIds).size).toBe(execIds.length);
        expect(filled).toBe(truth[truth.length - 1]?.filledQty);
        expect(m.get(toOrderId('O-1'))?.filledQty).toBe(filled);
      }),
      { seed: 20_240_102, numRuns: 300 },
    );
  });
});
