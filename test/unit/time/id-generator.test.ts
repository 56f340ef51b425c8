import { describe, expect, it } from 'vitest';
import { IdGenerator } from '../../../src/time/index.js';

describe('IdGenerator', () => {
  it('returns prefix-NNNNNN, counting from 1', () => {
    const ids = new IdGenerator('O');
    expect([ids.next(), ids.next(), ids.next()]).toEqual(['O-000001', 'O-000002', 'O-000003']);
  });

  it('matches the documented format for many ids, all unique', () => {
    const ids = new IdGenerator('SIM');
    const all = Array.from({ length: 2_000 }, () => ids.next());
    for (const id of all) expect(id).toMatch(/^SIM-\d{6}$/);
    expect(new Set(all).size).toBe(2_000);
    expect(all.at(-1)).toBe('SIM-002000');
  });

  it('is deterministic: two generators with the same prefix agree', () => {
    const a = new IdGenerator('E');
    const b = new IdGenerator('E');
    expect(Array.from({ length: 5 }, () => a.next())).toEqual(Array.from({ length: 5 }, () => b.next()));
  });

  it('widens past six digits instead of wrapping', () => {
    const ids = new IdGenerator('X');
    let last = '';
    for (let i = 0; i < 1_000_000; i += 1) last = ids.next();
    expect(last).toBe('X-1000000');
    expect(ids.next()).toBe('X-1000001');
  });
});
