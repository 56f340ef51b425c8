import { describe, it, expect } from 'vitest';
import {
  toOrderId, toSymbol, toVenueOrderId, type OrderEvent, type OrderIntent,
} from '../../../src/core/index.js';
import { OrderTracker } from '../../../src/execution/index.js';
import { IdOrderBuffer } from '../../../src/modes/id-order-buffer.js';
import { OrderRecorder } from '../../../src/modes/order-records.js';
import { orderListHash } from '../../../src/report/index.js';

function intent(n: number): OrderIntent {
  return {
    id: toOrderId(`O-${String(n).padStart(6, '0')}`), symbol: toSymbol('AB'), side: 'BUY', type: 'MARKET', tif: 'DAY',
    qty: 10n, tsCreated: n,
  } as OrderIntent;
}
const accepted = (n: number): OrderEvent => ({ kind: 'order', type: 'OrderAccepted', orderId: intent(n).id, intent: intent(n), venueOrderId: toVenueOrderId(`V${n}`), ts: n });
const canceled = (n: number): OrderEvent => ({ kind: 'order', type: 'OrderCanceled', orderId: intent(n).id, reason: 'test', ts: n + 100 } as OrderEvent);
const denied = (n: number): OrderEvent => ({ kind: 'order', type: 'OrderDenied', orderId: intent(n).id, intent: intent(n), reason: { code: 'X', message: 'no' }, ts: n } as unknown as OrderEvent);

describe('IdOrderBuffer', () => {
  it('releases items below the limit in key order and keeps the rest', () => {
    const buffer = new IdOrderBuffer<string>();
    for (const k of [9, 3, 7, 1, 5, 8, 2]) buffer.add(k, `i${k}`);
    buffer.add(3, 'dup');
    const out: string[] = [];
    buffer.releaseBelow(6, (_, item) => out.push(item));
    expect(out).toEqual(['i1', 'i2', 'i3', 'i5']);
    expect(buffer.size).toBe(3);
    buffer.releaseBelow(Number.POSITIVE_INFINITY, (_, item) => out.push(item));
    expect(out.slice(4)).toEqual(['i7', 'i8', 'i9']);
  });
});

describe('OrderTracker forgetTerminal', () => {
  it('hands a terminal order to onTerminal and forgets it; the default keeps it', () => {
    const seen: string[] = [];
    const forgetting = new OrderTracker({ forgetTerminal: true, onTerminal: (o) => seen.push(`${o.id}:${o.status}`) });
    const keeping = new OrderTracker();
    for (const t of [forgetting, keeping]) {
      t.apply(accepted(1));
      t.apply(canceled(1));
    }
    expect(seen).toEqual(['O-000001:CANCELED']);
    expect(forgetting.get(intent(1).id)).toBeUndefined();
    expect(forgetting.all()).toHaveLength(0);
    expect(keeping.get(intent(1).id)?.status).toBe('CANCELED');
    expect(() => forgetting.apply(canceled(1))).toThrow(/unknown order/);
  });
});

describe('OrderRecorder', () => {
  /** A recorder fed the way the engine feeds it: a forgetting tracker hands over finished orders. */
  function rig(releaseAt: number) {
    let recorder: OrderRecorder | undefined;
    const tracker = new OrderTracker({ forgetTerminal: true, onTerminal: (o) => recorder?.finished(o) });
    recorder = new OrderRecorder(() => tracker.open(), releaseAt);
    const r = recorder;
    const feed = (e: OrderEvent): void => {
      if (e.type === 'OrderDenied') r.denied(e);
      else tracker.apply(e);
    };
    return { r, feed };
  }

  it('lists records by id although they finish out of order, denials once, working orders at the end', () => {
    for (const releaseAt of [1, 512]) {
      const { r, feed } = rig(releaseAt);
      feed(accepted(1));
      feed(denied(2));
      feed(accepted(3));
      feed(canceled(3));
      r.release(); // order 1 still works: 2 and 3 wait behind it
      feed(denied(2)); // the engine reports a denial twice
      feed(accepted(4));
      feed(canceled(1));
      r.release();
      feed(denied(5));
      const { orders, orderListHash: hash } = r.finish();
      const list = [...orders];
      expect(list.map((o) => `${o.id}:${o.status}`)).toEqual([
        'O-000001:CANCELED', 'O-000002:DENIED', 'O-000003:CANCELED', 'O-000004:NEW', 'O-000005:DENIED',
      ]);
      // Hashed as the list was built: equal to hashing the finished list.
      expect(hash).toBe(orderListHash(list));
    }
  });

  it('releases waiting records only once enough have finished, never past a working order', () => {
    const { r, feed } = rig(3);
    const released = (): number => (r as unknown as { log: { length: number } }).log.length;
    feed(accepted(1));
    for (let n = 2; n <= 4; n += 1) {
      feed(accepted(n));
      feed(canceled(n));
    }
    r.release();
    expect(released()).toBe(0); // 2..4 wait behind working order 1
    feed(canceled(1));
    r.release();
    expect(released()).toBe(4);
    feed(denied(5));
    r.release();
    expect(released()).toBe(4); // one waiting record: below the threshold
  });
});
