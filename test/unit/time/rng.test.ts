import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/time/index.js';

const draw = (rng: Rng, n: number): number[] => Array.from({ length: n }, () => rng.next());

describe('Rng', () => {
  it('gives the same sequence for the same seed', () => {
    expect(draw(new Rng(12345), 100)).toEqual(draw(new Rng(12345), 100));
    expect(new Rng(7).seed).toBe(7);
  });

  it('gives different sequences for different seeds', () => {
    const a = draw(new Rng(1), 20);
    const b = draw(new Rng(2), 20);
    expect(a).not.toEqual(b);
    expect(a.filter((x, i) => x === b[i])).toHaveLength(0);
  });

  it('does not repeat a value in a short run', () => {
    expect(new Set(draw(new Rng(99), 1_000)).size).toBe(1_000);
  });

  it('next() stays in [0, 1)', () => {
    for (const x of draw(new Rng(3), 10_000)) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
  });

  it('int(n) returns integers in [0, n) and hits every value', () => {
    const rng = new Rng(11);
    const counts = new Array<number>(6).fill(0);
    for (let i = 0; i < 6_000; i += 1) {
      const k = rng.int(6);
      expect(Number.isInteger(k)).toBe(true);
      expect(k).toBeGreaterThanOrEqual(0);
      expect(k).toBeLessThan(6);
      counts[k] = (counts[k] ?? 0) + 1;
    }
    for (const c of counts) expect(c).toBeGreaterThan(800);
  });

  it('between(min, max) stays in [min, max)', () => {
    const rng = new Rng(5);
    for (let i = 0; i < 1_000; i += 1) {
      const x = rng.between(-2, 3);
      expect(x).toBeGreaterThanOrEqual(-2);
      expect(x).toBeLessThan(3);
    }
  });

  it('has a mean within 0.02 of 0.5 over 10 000 draws, for several seeds', () => {
    for (const seed of [0, 1, 42, 0xdeadbeef]) {
      const xs = draw(new Rng(seed), 10_000);
      const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
      expect(Math.abs(mean - 0.5)).toBeLessThan(0.02);
      const belowHalf = xs.filter((x) => x < 0.5).length;
      expect(Math.abs(belowHalf - 5_000)).toBeLessThan(300);
    }
  });
});
