import { describe, expect, it } from 'vitest';
import { Rng } from '../../../../src/time/index.js';
import { Backoff } from '../../../../src/aries/ws/index.js';

const SETTINGS = { startMs: 500, factor: 2, capMs: 30_000, jitterMs: 250 };

describe('Backoff', () => {
  it('starts at 500 ms, doubles, caps at 30 s and adds jitter in [0, 250)', () => {
    const backoff = new Backoff(SETTINGS, new Rng(1));
    const delays = Array.from({ length: 10 }, () => backoff.next());
    const bases = [500, 1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000, 30000];
    delays.forEach((delay, i) => {
      const base = bases[i] ?? 0;
      expect(delay).toBeGreaterThanOrEqual(base);
      expect(delay).toBeLessThanOrEqual(base + 250);
    });
    for (let i = 1; i < 7; i += 1) expect(delays[i] ?? 0).toBeGreaterThan(delays[i - 1] ?? 0);
    expect(backoff.attempts).toBe(10);
  });

  it('is reproducible for a seed and differs across seeds', () => {
    const run = (seed: number): number[] => {
      const backoff = new Backoff(SETTINGS, new Rng(seed));
      return Array.from({ length: 5 }, () => backoff.next());
    };
    expect(run(9)).toEqual(run(9));
    expect(run(9)).not.toEqual(run(10));
  });

  it('starts again from the first delay after reset', () => {
    const backoff = new Backoff({ ...SETTINGS, jitterMs: 0 }, new Rng(1));
    backoff.next();
    backoff.next();
    backoff.reset();
    expect(backoff.next()).toBe(500);
  });
});
