import { describe, expect, it } from 'vitest';
import { bufferTime, debounceTime, interval, Subject, take, timer } from 'rxjs';
import { VirtualClock } from '../../../src/time/index.js';

describe('VirtualClock RxJS scheduler bridge', () => {
  it('reports the virtual time as the scheduler time', () => {
    const clock = new VirtualClock(42);
    expect(clock.scheduler.now()).toBe(42);
    clock.advanceTo(100);
    expect(clock.scheduler.now()).toBe(100);
  });

  it('timer(1000) emits once at t+1000 and only when the clock is advanced', () => {
    const clock = new VirtualClock(10_000);
    const seen: number[] = [];
    let completed = false;
    timer(1_000, clock.scheduler).subscribe({ next: () => seen.push(clock.now()), complete: () => { completed = true; } });
    expect(seen).toEqual([]);
    clock.advanceTo(10_999);
    expect(seen).toEqual([]);
    clock.advanceTo(20_000);
    expect(seen).toEqual([11_000]);
    expect(completed).toBe(true);
  });

  it('interval(500) with take(3) emits 0, 1, 2 at 500, 1000 and 1500, then completes', () => {
    const clock = new VirtualClock(0);
    const seen: Array<[number, number]> = [];
    let completed = false;
    interval(500, clock.scheduler).pipe(take(3)).subscribe({
      next: (v) => seen.push([v, clock.now()]),
      complete: () => { completed = true; },
    });
    clock.advanceTo(1_200);
    expect(seen).toEqual([[0, 500], [1, 1_000]]);
    expect(completed).toBe(false);
    clock.advanceTo(10_000);
    expect(seen).toEqual([[0, 500], [1, 1_000], [2, 1_500]]);
    expect(completed).toBe(true);
    expect(clock.nextDue()).toBeUndefined();
  });

  it('debounceTime(100) emits the last value 100 ms after a burst goes quiet', () => {
    const clock = new VirtualClock(0);
    const input = new Subject<string>();
    const seen: Array<[string, number]> = [];
    input.pipe(debounceTime(100, clock.scheduler)).subscribe((v) => seen.push([v, clock.now()]));
    input.next('a');
    clock.advanceTo(50);
    input.next('b');
    clock.advanceTo(149);
    expect(seen).toEqual([]);
    clock.advanceTo(150);
    expect(seen).toEqual([['b', 150]]);
    clock.advanceTo(400);
    input.next('c');
    clock.advanceTo(1_000);
    expect(seen).toEqual([['b', 150], ['c', 500]]);
  });

  it('bufferTime(1000) emits a buffer at each virtual second', () => {
    const clock = new VirtualClock(0);
    const input = new Subject<number>();
    const seen: Array<[number[], number]> = [];
    const sub = input.pipe(bufferTime(1_000, clock.scheduler)).subscribe((b) => seen.push([b, clock.now()]));
    input.next(1);
    clock.advanceTo(300);
    input.next(2);
    clock.advanceTo(1_500);
    input.next(3);
    clock.advanceTo(3_000);
    expect(seen).toEqual([[[1, 2], 1_000], [[3], 2_000], [[], 3_000]]);
    sub.unsubscribe();
    clock.advanceTo(10_000);
    expect(seen).toHaveLength(3);
  });

  it('unsubscribing cancels scheduled work', () => {
    const clock = new VirtualClock(0);
    let fired = 0;
    const sub = timer(1_000, clock.scheduler).subscribe(() => { fired += 1; });
    sub.unsubscribe();
    clock.advanceTo(5_000);
    expect(fired).toBe(0);
  });

  it('interleaves RxJS work and clock timers by due time', () => {
    const clock = new VirtualClock(0);
    const order: string[] = [];
    timer(200, clock.scheduler).subscribe(() => order.push(`rx@${clock.now()}`));
    clock.setAlert('a', 100, () => order.push(`alert@${clock.now()}`));
    clock.setAlert('b', 300, () => order.push(`alert@${clock.now()}`));
    clock.advanceTo(1_000);
    expect(order).toEqual(['alert@100', 'rx@200', 'alert@300']);
  });
});
