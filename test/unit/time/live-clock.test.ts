import { describe, expect, it } from 'vitest';
import { asyncScheduler } from 'rxjs';
import { LiveClock } from '../../../src/time/index.js';

/** Returns a promise and the function that resolves it. */
function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((r) => { resolve = r; });
  return { promise, resolve };
}

describe('LiveClock', () => {
  it('reads the wall clock', () => {
    const clock = new LiveClock();
    const before = Date.now();
    const t = clock.now();
    const after = Date.now();
    expect(t).toBeGreaterThanOrEqual(before);
    expect(t).toBeLessThanOrEqual(after);
  });

  it('uses the RxJS async scheduler', () => {
    expect(new LiveClock().scheduler).toBe(asyncScheduler);
  });

  it('fires an alert with its due time', async () => {
    const clock = new LiveClock();
    const fired = deferred<number>();
    const at = clock.now() + 5;
    clock.setAlert('soon', at, fired.resolve);
    await expect(fired.promise).resolves.toBe(at);
  });

  it('fires an alert in the past promptly', async () => {
    const clock = new LiveClock();
    const fired = deferred<number>();
    clock.setAlert('late', clock.now() - 10_000, fired.resolve);
    await fired.promise;
  });

  it('cancel prevents an alert from firing (a later alert still fires)', async () => {
    const clock = new LiveClock();
    const fires: string[] = [];
    const done = deferred<void>();
    clock.setAlert('cancelled', clock.now() + 2, () => fires.push('cancelled'));
    clock.setAlert('kept', clock.now() + 30, () => { fires.push('kept'); done.resolve(); });
    clock.cancel('cancelled');
    clock.cancel('unknown');
    await done.promise;
    expect(fires).toEqual(['kept']);
  });

  it('setting a name again replaces the earlier alert', async () => {
    const clock = new LiveClock();
    const fires: string[] = [];
    const done = deferred<void>();
    clock.setAlert('x', clock.now() + 2, () => fires.push('first'));
    clock.setAlert('x', clock.now() + 20, () => { fires.push('second'); done.resolve(); });
    await done.promise;
    expect(fires).toEqual(['second']);
  });

  it('repeats a timer with due times one interval apart until cancelled', async () => {
    const clock = new LiveClock();
    const dues: number[] = [];
    const three = deferred<void>();
    const start = clock.now();
    clock.setTimer('tick', 5, (due) => {
      dues.push(due);
      if (dues.length === 3) {
        clock.cancel('tick');
        three.resolve();
      }
    });
    await three.promise;
    const after = deferred<void>();
    clock.setAlert('settle', clock.now() + 25, () => after.resolve());
    await after.promise;
    expect(dues).toHaveLength(3);
    expect((dues[0] ?? 0) - start).toBeGreaterThanOrEqual(5);
    expect([(dues[1] ?? 0) - (dues[0] ?? 0), (dues[2] ?? 0) - (dues[1] ?? 0)]).toEqual([5, 5]);
  });

  it('dispose cancels every timer and alert', async () => {
    const clock = new LiveClock();
    const other = new LiveClock();
    const fires: string[] = [];
    clock.setAlert('a', clock.now() + 2, () => fires.push('a'));
    clock.setTimer('t', 3, () => fires.push('t'));
    clock.dispose();
    const done = deferred<void>();
    other.setAlert('probe', other.now() + 30, () => done.resolve());
    await done.promise;
    expect(fires).toEqual([]);
  });
});
