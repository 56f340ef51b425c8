import { describe, expect, it } from 'vitest';
import { PriorityRateLimiter, RequestPriority } from '../../../src/risk/index.js';
import { Rng, VirtualClock } from '../../../src/time/index.js';

const MINUTE = 60_000;
const { ENTRY, EXIT } = RequestPriority;

function limiterAt(reservePct: number, capacity = 50): { clock: VirtualClock; limiter: PriorityRateLimiter } {
  const clock = new VirtualClock(0);
  return { clock, limiter: new PriorityRateLimiter(capacity, MINUTE, () => clock.now(), reservePct) };
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

describe('PriorityRateLimiter', () => {
  it('keeps 20 % for exits: entries stop at 40 of 50, exits and cancels take the last 10', () => {
    const { limiter } = limiterAt(20);
    expect(limiter.reserve).toBe(10);
    let entries = 0;
    while (limiter.tryAcquire(1, ENTRY)) entries += 1;
    expect(entries).toBe(40);
    expect(limiter.available()).toBe(10);
    expect(limiter.tryAcquire()).toBe(false);
    for (let i = 0; i < 10; i += 1) expect(limiter.tryAcquire(1, EXIT)).toBe(true);
    expect(limiter.tryAcquire(1, EXIT)).toBe(false);
  });

  it('refuses an entry whose cost would dip into the reserve, and takes nothing', () => {
    const { limiter } = limiterAt(20);
    limiter.tryAcquire(39, ENTRY);
    expect(limiter.tryAcquire(2, ENTRY)).toBe(false);
    expect(limiter.available()).toBe(11);
    expect(limiter.tryAcquire(1, ENTRY)).toBe(true);
  });

  it('waitMs for an entry counts the reserve; for an exit it does not', () => {
    const { clock, limiter } = limiterAt(20);
    limiter.tryAcquire(40, ENTRY);
    clock.advanceTo(1_000);
    expect(limiter.waitMs(1, ENTRY)).toBe(MINUTE - 1_000);
    expect(limiter.waitMs(1, EXIT)).toBe(0);
    expect(limiter.waitMs(41, ENTRY)).toBe(Infinity);
    clock.advanceTo(MINUTE);
    expect(limiter.tryAcquire(1, ENTRY)).toBe(true);
  });

  it('rounds the reserve up and behaves as a plain limiter with no reserve', () => {
    expect(limiterAt(1, 50).limiter.reserve).toBe(1);
    const { limiter } = limiterAt(0);
    expect(limiter.reserve).toBe(0);
    expect(limiter.tryAcquire(50)).toBe(true);
  });

  it('rejects a reserve that leaves nothing for entries', () => {
    expect(() => limiterAt(100)).toThrow(expect.objectContaining({ code: 'RISK_ERR_RATE_LIMIT' }));
    expect(() => limiterAt(-1)).toThrow(expect.objectContaining({ code: 'RISK_ERR_RATE_LIMIT' }));
    expect(() => limiterAt(60, 2)).toThrow(expect.objectContaining({ code: 'RISK_ERR_RATE_LIMIT' }));
  });

  it('property: never exceeds the budget in any window, entries never eat the reserve, exits always get free tokens', () => {
    for (const seed of [3, 11, 99, 2025, 31337]) {
      const rng = new Rng(seed);
      const reservePct = 10 + rng.int(40);
      const { clock, limiter } = limiterAt(reservePct);
      const granted: number[] = [];
      let t = 0;
      let exitsGranted = 0;
      for (let i = 0; i < 20_000; i += 1) {
        t += rng.next() < 0.9 ? rng.int(300) : rng.int(2 * MINUTE);
        clock.advanceTo(t);
        const priority = rng.next() < 0.25 ? EXIT : ENTRY;
        const cost = 1 + rng.int(2);
        const before = limiter.available();
        const ok = limiter.tryAcquire(cost, priority);
        const label = `seed ${seed} step ${i}`;
        if (priority === EXIT) expect(ok, label).toBe(before >= cost);
        else expect(ok, label).toBe(before - cost >= limiter.reserve);
        if (ok) {
          for (let k = 0; k < cost; k += 1) granted.push(t);
          if (priority === EXIT) exitsGranted += 1;
        }
      }
      expect(exitsGranted, `seed ${seed}`).toBeGreaterThan(100);
      expect(slidingMax(granted, MINUTE), `seed ${seed}`).toBeLessThanOrEqual(50);
    }
  });
});
