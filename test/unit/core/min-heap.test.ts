import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MinHeap } from '../../../src/core/index.js';

describe('MinHeap', () => {
  it('pops in order for any input (seeded property), and siftTop restores order after the top grows', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50, max: 50 })), (values) => {
        const heap = new MinHeap<{ v: number }>((a, b) => a.v < b.v);
        for (const v of values) heap.push({ v });
        const top = heap.peek();
        if (top !== undefined) {
          top.v += 25;
          heap.siftTop();
        }
        const expected = values.map((v, i) => (i === values.indexOf(Math.min(...values)) ? v + 25 : v)).sort((a, b) => a - b);
        const out: number[] = [];
        for (let x = heap.pop(); x !== undefined; x = heap.pop()) out.push(x.v);
        expect(out).toEqual(expected);
        expect(heap.size).toBe(0);
      }),
      { seed: 20261129, numRuns: 300 },
    );
  });
});
