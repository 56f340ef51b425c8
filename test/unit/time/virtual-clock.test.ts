import { describe, expect, it } from 'vitest';
import { isRunnerError } from '../../../src/core/index.js';
import { VirtualClock } from '../../../src/time/index.js';

/** Returns the error `fn` throws, or undefined. */
function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('VirtualClock time', () => {
  it('starts at the given time (0 by default) and moves only when advanced', () => {
    expect(new VirtualClock().now()).toBe(0);
    const clock = new VirtualClock(1_000);
    expect(clock.now()).toBe(1_000);
    clock.advanceTo(1_500);
    expect(clock.now()).toBe(1_500);
    clock.advanceTo(1_500);
    expect(clock.now()).toBe(1_500);
  });

  it('refuses to go backwards with CLOCK_ERR_BACKWARDS and keeps its time', () => {
    const clock = new VirtualClock(5_000);
    const error = thrown(() => clock.advanceTo(4_999));
    expect(isRunnerError(error, 'CLOCK_ERR_BACKWARDS')).toBe(true);
    expect(clock.now()).toBe(5_000);
  });
});

describe('VirtualClock timers and alerts', () => {
  it('fires timers at their due times in order, with now() equal to each due time', () => {
    const clock = new VirtualClock(0);
    const seen: string[] = [];
    clock.setAlert('c', 300, (due) => seen.push(`c@${due}/${clock.now()}`));
    clock.setAlert('a', 100, (due) => seen.push(`a@${due}/${clock.now()}`));
    clock.setAlert('b', 200, (due) => seen.push(`b@${due}/${clock.now()}`));
    clock.advanceTo(250);
    expect(seen).toEqual(['a@100/100', 'b@200/200']);
    expect(clock.now()).toBe(250);
    clock.advanceTo(1_000);
    expect(seen).toEqual(['a@100/100', 'b@200/200', 'c@300/300']);
  });

  it('fires an alert due exactly at the target time', () => {
    const clock = new VirtualClock(0);
    let fired = 0;
    clock.setAlert('x', 100, () => { fired += 1; });
    clock.advanceTo(99);
    expect(fired).toBe(0);
    clock.advanceTo(100);
    expect(fired).toBe(1);
    clock.advanceTo(1_000);
    expect(fired).toBe(1);
  });

  it('repeats setTimer every interval, first one interval from now, across several advances', () => {
    const clock = new VirtualClock(1_000);
    const fires: number[] = [];
    clock.setTimer('tick', 250, (due) => { fires.push(due); expect(clock.now()).toBe(due); });
    clock.advanceTo(1_600);
    expect(fires).toEqual([1_250, 1_500]);
    clock.advanceTo(2_000);
    expect(fires).toEqual([1_250, 1_500, 1_750, 2_000]);
    expect(clock.nextDue()).toBe(2_250);
  });

  it('rejects a non-positive timer interval with CLOCK_ERR_INTERVAL', () => {
    const clock = new VirtualClock();
    expect(isRunnerError(thrown(() => clock.setTimer('t', 0, () => undefined)), 'CLOCK_ERR_INTERVAL')).toBe(true);
    expect(isRunnerError(thrown(() => clock.setTimer('t', Number.NaN, () => undefined)), 'CLOCK_ERR_INTERVAL')).toBe(true);
  });

  it('cancel stops a timer and an alert; unknown names are ignored', () => {
    const clock = new VirtualClock(0);
    const fires: string[] = [];
    clock.setTimer('t', 100, (due) => fires.push(`t${due}`));
    clock.setAlert('a', 150, (due) => fires.push(`a${due}`));
    clock.advanceTo(100);
    clock.cancel('t');
    clock.cancel('a');
    clock.cancel('nope');
    clock.advanceTo(1_000);
    expect(fires).toEqual(['t100']);
    expect(clock.nextDue()).toBeUndefined();
  });

  it('a timer can cancel itself from its own callback', () => {
    const clock = new VirtualClock(0);
    const fires: number[] = [];
    clock.setTimer('t', 10, (due) => {
      fires.push(due);
      if (fires.length === 3) clock.cancel('t');
    });
    clock.advanceTo(1_000);
    expect(fires).toEqual([10, 20, 30]);
  });

  it('setting a name again replaces the earlier timer or alert', () => {
    const clock = new VirtualClock(0);
    const fires: string[] = [];
    clock.setAlert('x', 100, () => fires.push('first'));
    clock.setAlert('x', 200, () => fires.push('second'));
    clock.advanceTo(1_000);
    expect(fires).toEqual(['second']);
  });

  it('fires an alert set in the past on the next advance, at the current time', () => {
    const clock = new VirtualClock(5_000);
    const fires: Array<[number, number]> = [];
    clock.setAlert('late', 1_000, (due) => fires.push([due, clock.now()]));
    expect(fires).toEqual([]);
    clock.advanceTo(5_000);
    expect(fires).toEqual([[5_000, 5_000]]);
  });

  it('runs tasks due at the same instant in insertion order', () => {
    const clock = new VirtualClock(0);
    const order: string[] = [];
    for (const name of ['e', 'b', 'd', 'a', 'c']) clock.setAlert(name, 500, () => order.push(name));
    clock.setAlert('early', 499, () => order.push('early'));
    clock.advanceTo(500);
    expect(order).toEqual(['early', 'e', 'b', 'd', 'a', 'c']);
  });

  it('runs work scheduled by a callback within the same advance when it is due', () => {
    const clock = new VirtualClock(0);
    const fires: number[] = [];
    clock.setAlert('first', 100, () => clock.setAlert('chained', clock.now() + 50, (due) => fires.push(due)));
    clock.advanceTo(200);
    expect(fires).toEqual([150]);
  });

  it('keeps order among many random due times', () => {
    const clock = new VirtualClock(0);
    const dues: number[] = [];
    const fired: number[] = [];
    for (let i = 0; i < 500; i += 1) {
      const due = (i * 7919) % 1_000;
      dues.push(due);
      clock.setAlert(`a${i}`, due, (d) => fired.push(d));
    }
    clock.advanceTo(1_000);
    expect(fired).toEqual([...dues].sort((a, b) => a - b));
  });

  it('dispose drops everything', () => {
    const clock = new VirtualClock(0);
    let fired = 0;
    clock.setTimer('t', 10, () => { fired += 1; });
    clock.setAlert('a', 5, () => { fired += 1; });
    clock.dispose();
    clock.advanceTo(1_000);
    expect(fired).toBe(0);
    expect(clock.nextDue()).toBeUndefined();
  });
});
