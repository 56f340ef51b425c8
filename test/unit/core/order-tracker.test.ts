import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isOpen, isRunnerError, toExecId, toOrderId, toVenueOrderId,
  type Amount, type OrderEvent, type OrderId, type OrderIntent, type OrderStatus,
} from '../../../src/core/index.js';
import { OrderTracker } from '../../../src/execution/index.js';
import { amt, intent } from '../../support/builders.js';

const ID = toOrderId('O-1');
const INTENT: OrderIntent = intent({ qty: 100 });

function accepted(ts = 0, orderIntent: OrderIntent = INTENT): OrderEvent {
  return { kind: 'order', type: 'OrderAccepted', orderId: orderIntent.id, intent: orderIntent, venueOrderId: toVenueOrderId('V-1'), ts };
}

function filled(qty: Amount, price: Amount = amt('10'), ts = 1, orderId: OrderId = ID): OrderEvent {
  const fill = { orderId, execId: toExecId(`E-${ts}`), symbol: INTENT.symbol, side: INTENT.side, qty, price, commission: 0n, ts };
  return { kind: 'order', type: 'OrderFilled', orderId, fill, filledQty: 0n, leavesQty: 0n, status: 'PARTIALLY_FILLED', ts };
}

function closed(type: 'OrderCanceled' | 'OrderRejected' | 'OrderExpired', ts = 2): OrderEvent {
  return { kind: 'order', type, orderId: ID, reason: 'test', ts };
}

/** Returns the RunnerError code `fn` throws, or `undefined` when it does not throw one. */
function errorCode(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return isRunnerError(error) ? error.code : `not a RunnerError: ${String(error)}`;
  }
  return undefined;
}

describe('OrderTracker', () => {
  it('creates NEW orders on acceptance and lists them as open', () => {
    const t = new OrderTracker();
    expect(t.apply(accepted(5))).toMatchObject({ id: ID, status: 'NEW', filledQty: 0n, venueOrderId: 'V-1', tsUpdated: 5 });
    expect(t.open().map((o) => o.id)).toEqual([ID]);
  });

  it('accumulates partial fills with a volume-weighted average price', () => {
    const t = new OrderTracker();
    t.apply(accepted());
    expect(t.apply(filled(amt('40'), amt('10')))?.status).toBe('PARTIALLY_FILLED');
    const o = t.apply(filled(amt('60'), amt('15'), 2));
    expect(o).toMatchObject({ status: 'FILLED', filledQty: amt('100'), avgFillPrice: amt('13'), tsUpdated: 2 });
    expect(t.open()).toEqual([]);
    expect(t.all()).toHaveLength(1);
  });

  it('throws ORDER_ERR_TRANSITION on an overfill and leaves the order unchanged', () => {
    const t = new OrderTracker();
    t.apply(accepted());
    t.apply(filled(amt('60')));
    expect(errorCode(() => t.apply(filled(amt('41'))))).toBe('ORDER_ERR_TRANSITION');
    expect(t.get(ID)).toMatchObject({ status: 'PARTIALLY_FILLED', filledQty: amt('60') });
  });

  it.each(['OrderCanceled', 'OrderExpired'] as const)('books a late fill after %s without reopening the order', (type) => {
    const t = new OrderTracker();
    t.apply(accepted());
    t.apply(closed(type));
    expect(errorCode(() => t.apply(filled(amt('1'))))).toBeUndefined();
    expect(t.get(ID)).toMatchObject({ status: type === 'OrderCanceled' ? 'CANCELED' : 'EXPIRED', filledQty: amt('1') });
    expect(t.open()).toEqual([]);
  });

  it('ignores a rejection of a place it never saw accepted (refused outright)', () => {
    const t = new OrderTracker();
    expect(t.apply(closed('OrderRejected'))).toBeUndefined();
    expect(t.all()).toEqual([]);
  });

  it('throws ORDER_ERR_TRANSITION when a NEW order is rejected (only pending orders can be)', () => {
    const t = new OrderTracker();
    t.apply(accepted());
    expect(errorCode(() => t.apply(closed('OrderRejected')))).toBe('ORDER_ERR_TRANSITION');
  });

  it('does not let a repeated acceptance reset a filled order', () => {
    const t = new OrderTracker();
    t.apply(accepted());
    t.apply(filled(amt('100')));
    expect(errorCode(() => t.apply(accepted(9)))).toBe('ORDER_ERR_TRANSITION');
    expect(t.get(ID)).toMatchObject({ status: 'FILLED', filledQty: amt('100') });
  });

  it('throws ORDER_ERR_UNKNOWN for events of orders it never saw', () => {
    const t = new OrderTracker();
    expect(errorCode(() => t.apply(filled(amt('1'), amt('1'), 1, toOrderId('X'))))).toBe('ORDER_ERR_UNKNOWN');
  });

  it('records nothing for a denied intent', () => {
    const t = new OrderTracker();
    const denied: OrderEvent = { kind: 'order', type: 'OrderDenied', orderId: ID, intent: INTENT, reason: { code: 'MARKET_CLOSED', message: 'closed' }, ts: 0 };
    expect(t.apply(denied)).toBeUndefined();
    expect(t.all()).toEqual([]);
  });
});

type Step = { readonly kind: 'fill'; readonly qty: number } | { readonly kind: 'cancel' | 'expire' | 'reject' | 'accept' };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 1, max: 60 }).map((qty): Step => ({ kind: 'fill', qty })) },
  { weight: 1, arbitrary: fc.constantFrom<Step>({ kind: 'cancel' }, { kind: 'expire' }, { kind: 'reject' }, { kind: 'accept' }) },
);

function toEvent(s: Step, ts: number): OrderEvent {
  switch (s.kind) {
    case 'fill': return filled(amt(String(s.qty)), amt('10'), ts);
    case 'cancel': return closed('OrderCanceled', ts);
    case 'expire': return closed('OrderExpired', ts);
    case 'reject': return closed('OrderRejected', ts);
    case 'accept': return accepted(ts);
    default: {
      const never: never = s;
      return never;
    }
  }
}

describe('OrderTracker property: random event sequences', () => {
  it('never overfills; fills after a terminal state are booked, every other event after it throws ORDER_ERR_TRANSITION', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 30 }), (steps) => {
        const t = new OrderTracker();
        t.apply(accepted());
        let status: OrderStatus = 'NEW';
        let filledQty = 0n;
        steps.forEach((s, i) => {
          const before = t.get(ID);
          const code = errorCode(() => t.apply(toEvent(s, i + 1)));
          const overfill = s.kind === 'fill' && filledQty + amt(String(s.qty)) > INTENT.qty;
          const lateFill = s.kind === 'fill' && !isOpen(status);
          const legal = (isOpen(status) || lateFill) && s.kind !== 'accept' && s.kind !== 'reject' && !overfill;
          if (!legal) {
            expect(code).toBe('ORDER_ERR_TRANSITION');
            expect(t.get(ID)).toBe(before);
            return;
          }
          expect(code).toBeUndefined();
          if (s.kind === 'fill') filledQty += amt(String(s.qty));
          status = t.get(ID)?.status ?? status;
          const o = t.get(ID);
          expect(o?.filledQty).toBe(filledQty);
          expect(o !== undefined && o.filledQty <= o.intent.qty).toBe(true);
          expect(t.open().length).toBe(isOpen(status) ? 1 : 0);
        });
      }),
      { seed: 20240102, numRuns: 500 },
    );
  });
});
