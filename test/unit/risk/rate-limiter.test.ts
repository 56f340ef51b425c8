import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../../src/risk/index.js';
import { Rng, VirtualClock } from '../../../src/time/index.js';

const MINUTE = 60_000;

function limiterAt(start = 0, capacity = 50): { clock: VirtualClock; limiter: RateLimiter } {
  const clock = new VirtualClock(start);
  return { clock, limiter: new RateLimiter(capacity, MINUTE, () => clock.now()) };
}

/** Returns the most grant times falling in any half-open window [t, t + windowMs). */
function slidingMax(times: readonly number[], windowMs: number): number {
  let best = 0;
  let lo = 0;
  for (let hi = 0; hi < times.length; hi += 1) {
    while ((times[lo] ?? 0) <= (times[hi] ?? 0) - windowMs) lo += 1;
    best = Math.max(best, hi - lo + 1);
  }
  return best;
}

describe('RateLimiter', () => {
  it('grants its full capacity at once and then refuses without taking anything', () => {
    const { limiter } = limiterAt();
    for (let i = 0; i < 50; i += 1) expect(limiter.tryAcquire()).toBe(true);
    expect(limiter.tryAcquire()).toBe(false);
    expect(limiter.available()).toBe(0);
  });

  it('never grants more than 50 in any 60 000 ms window over a long random run', () => {
    for (const seed of [1, 7, 42, 2024]) {
      const rng = new Rng(seed);
      const { clock, limiter } = limiterAt(1_000);
      const granted: number[] = [];
      let t = 1_000;
      for (let i = 0; i < 20_000; i += 1) {
        // Bursts of back-to-back requests separated by quiet spells of up to two minutes.
        t += rng.next() < 0.9 ? rng.int(400) : rng.int(2 * MINUTE);
        clock.advanceTo(t);
        const cost = rng.next() < 0.5 ? 1 : 2;
        if (limiter.tryAcquire(cost)) for (let k = 0; k < cost; k += 1) granted.push(t);
      }
      expect(granted.length).toBeGreaterThan(1_000);
      expect(slidingMax(granted, MINUTE)).toBeLessThanOrEqual(50);
    }
  });

  it('keeps up the full rate under constant demand: 50 grants in every minute', () => {
    const { clock, limiter } = limiterAt();
    const perMinute = new Map<number, number>();
    for (let t = 0; t < 10 * MINUTE; t += 100) {
      clock.advanceTo(t);
      while (limiter.tryAcquire()) perMinute.set(Math.floor(t / MINUTE), (perMinute.get(Math.floor(t / MINUTE)) ?? 0) + 1);
    }
    expect([...perMinute.values()]).toEqual(Array.from({ length: 10 }, () => 50));
  });

  it('returns capacity gradually as earlier grants age out, not in one lump', () => {
    const { clock, limiter } = limiterAt();
    for (let i = 0; i < 50; i += 1) {
      clock.advanceTo(i * 1_200);
      expect(limiter.tryAcquire()).toBe(true);
    }
    expect(limiter.available()).toBe(0);
    clock.advanceTo(MINUTE - 1);
    expect(limiter.available()).toBe(0);
    clock.advanceTo(MINUTE);
    expect(limiter.available()).toBe(1);
    clock.advanceTo(MINUTE + 1_200);
    expect(limiter.available()).toBe(2);
    clock.advanceTo(MINUTE + 6_000);
    expect(limiter.available()).toBe(6);
  });

  it('waitMs is 0 with capacity and otherwise the exact wait, after which the acquire succeeds', () => {
    const { clock, limiter } = limiterAt(5_000);
    expect(limiter.waitMs()).toBe(0);
    for (let i = 0; i < 48; i += 1) limiter.tryAcquire();
    clock.advanceTo(20_000);
    limiter.tryAcquire(2);
    expect(limiter.waitMs(1)).toBe(45_000);
    expect(limiter.waitMs(2)).toBe(45_000);
    clock.advanceTo(20_000 + 44_999);
    expect(limiter.tryAcquire()).toBe(false);
    expect(limiter.waitMs()).toBe(1);
    clock.advanceTo(65_000);
    expect(limiter.waitMs(48)).toBe(0);
    expect(limiter.waitMs(49)).toBe(15_000);
    expect(limiter.tryAcquire(48)).toBe(true);
  });

  it('waitMs does not consume anything', () => {
    const { limiter } = limiterAt();
    limiter.tryAcquire(50);
    limiter.waitMs();
    limiter.waitMs(10);
    expect(limiter.available()).toBe(0);
  });

  it('never holds more than its capacity, however long it is idle', () => {
    const { clock, limiter } = limiterAt();
    limiter.tryAcquire(10);
    clock.advanceTo(100 * MINUTE);
    expect(limiter.available()).toBe(50);
    expect(limiter.tryAcquire(51)).toBe(false);
    expect(limiter.tryAcquire(50)).toBe(true);
    expect(limiter.tryAcquire()).toBe(false);
  });

  it('takes nothing when a multi-token request does not fit', () => {
    const { limiter } = limiterAt();
    limiter.tryAcquire(49);
    expect(limiter.tryAcquire(2)).toBe(false);
    expect(limiter.available()).toBe(1);
    expect(limiter.tryAcquire(1)).toBe(true);
  });

  it('reports an impossible request as an infinite wait', () => {
    const { limiter } = limiterAt();
    expect(limiter.waitMs(51)).toBe(Infinity);
  });

  it('rejects a non-positive or fractional capacity and a non-positive window', () => {
    expect(() => new RateLimiter(0, MINUTE, () => 0)).toThrow(expect.objectContaining({ code: 'RISK_ERR_RATE_LIMIT' }));
    expect(() => new RateLimiter(2.5, MINUTE, () => 0)).toThrow(expect.objectContaining({ code: 'RISK_ERR_RATE_LIMIT' }));
    expect(() => new RateLimiter(50, 0, () => 0)).toThrow(expect.objectContaining({ code: 'RISK_ERR_RATE_LIMIT' }));
  });

  it('exposes capacity and window for denial messages', () => {
    const { limiter } = limiterAt();
    expect(limiter.capacity).toBe(50);
    expect(limiter.windowMs).toBe(MINUTE);
  });
});
