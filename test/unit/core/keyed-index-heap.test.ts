import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KeyedIndexHeap } from '../../../src/core/index.js';

describe('KeyedIndexHeap', () => {
  it('pops indexes by key, equal keys lowest index first, and -1 when empty', () => {
    const h = new KeyedIndexHeap(4);
    h.push(2, 5);
    h.push(0, 7);
    h.push(3, 5);
    h.push(1, 1);
    expect([h.pop(), h.pop(), h.pop(), h.pop(), h.pop()]).toEqual([1, 2, 3, 0, -1]);
    expect(h.peek()).toBe(-1);
  });

  it('merges like a stable sort when the top is re-keyed (a k-way merge)', () => {
    const lists = fc.array(fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 20 }).map((a) => a.sort((x, y) => x - y)), { minLength: 1, maxLength: 12 });
    fc.assert(fc.property(lists, (sources) => {
      const h = new KeyedIndexHeap(sources.length);
      const pos = sources.map(() => 0);
      sources.forEach((s, i) => {
        if (s.length > 0) h.push(i, s[0] as number);
      });
      const merged: [number, number][] = [];
      for (let top = h.peek(); top >= 0; top = h.peek()) {
        const s = sources[top] as number[];
        const p = pos[top] as number;
        merged.push([s[p] as number, top]);
        pos[top] = p + 1;
        if (p + 1 < s.length) h.updateTop(s[p + 1] as number);
        else h.pop();
      }
      const expected = sources.flatMap((s, i) => s.map((v): [number, number] => [v, i])).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
      expect(merged).toEqual(expected);
    }));
  });
});
