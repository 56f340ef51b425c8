import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FifoQueue } from '../../../src/engine/fifo-queue.js';

describe('FifoQueue', () => {
  it('returns items first in, first out, and undefined when empty', () => {
    const q = new FifoQueue<number>();
    expect(q.shift()).toBeUndefined();
    q.push(1);
    q.push(2);
    expect(q.shift()).toBe(1);
    q.push(3);
    expect([q.shift(), q.shift(), q.shift()]).toEqual([2, 3, undefined]);
    expect(q.size).toBe(0);
  });

  it('keeps order across growth while the ring has wrapped', () => {
    const q = new FifoQueue<number>();
    // Wrap the head past the middle of the initial ring, then fill past its capacity.
    for (let i = 0; i < 10; i += 1) q.push(i);
    for (let i = 0; i < 10; i += 1) expect(q.shift()).toBe(i);
    for (let i = 0; i < 40; i += 1) q.push(100 + i);
    expect(q.size).toBe(40);
    for (let i = 0; i < 40; i += 1) expect(q.shift()).toBe(100 + i);
  });

  it('behaves like an array queue for any sequence of pushes and shifts', () => {
    fc.assert(fc.property(fc.array(fc.oneof(fc.integer(), fc.constant(null)), { maxLength: 400 }), (ops) => {
      const q = new FifoQueue<number>();
      const model: number[] = [];
      for (const op of ops) {
        if (op === null) expect(q.shift()).toBe(model.shift());
        else {
          q.push(op);
          model.push(op);
        }
        expect(q.size).toBe(model.length);
      }
    }));
  });
});
