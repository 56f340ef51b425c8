import { describe, expect, it } from 'vitest';
import { TimerQueue } from '../../../src/time/timer-queue.js';
import { Rng } from '../../../src/time/index.js';

const noop = (): void => undefined;

describe('TimerQueue', () => {
  it('pops by due time, then insertion order', () => {
    const q = new TimerQueue();
    const a = q.push(20, noop);
    const b = q.push(10, noop);
    const c = q.push(20, noop);
    const d = q.push(10, noop);
    expect([q.pop(), q.pop(), q.pop(), q.pop(), q.pop()]).toEqual([b, d, a, c, undefined]);
  });

  it('skips cancelled tasks in peekDue and pop', () => {
    const q = new TimerQueue();
    const first = q.push(1, noop);
    const second = q.push(2, noop);
    first.cancelled = true;
    expect(q.peekDue()).toBe(2);
    expect(q.pop()).toBe(second);
    expect(q.peekDue()).toBeUndefined();
  });

  it('keeps heap order over many random pushes with cancellations', () => {
    const rng = new Rng(17);
    const q = new TimerQueue();
    const live: Array<[number, number]> = [];
    for (let i = 0; i < 2_000; i += 1) {
      const task = q.push(rng.int(100), noop);
      if (rng.next() < 0.3) task.cancelled = true;
      else live.push([task.due, task.seq]);
    }
    live.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
    const popped: Array<[number, number]> = [];
    for (let t = q.pop(); t !== undefined; t = q.pop()) popped.push([t.due, t.seq]);
    expect(popped).toEqual(live);
  });

  it('clear empties it', () => {
    const q = new TimerQueue();
    q.push(1, noop);
    q.push(2, noop);
    expect(q.size).toBe(2);
    q.clear();
    expect(q.size).toBe(0);
    expect(q.pop()).toBeUndefined();
  });
});
