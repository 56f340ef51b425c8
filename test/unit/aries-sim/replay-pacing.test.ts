import { describe, expect, it } from 'vitest';
import { createReplayFeed } from '../../../src/aries-sim/replay/index.js';
import type { Bar, Quote, Trade } from '../../../src/core/index.js';
import { VirtualClock } from '../../../src/time/index.js';
import { CLOSE_0102, MINUTE, minuteBar, OPEN_0102, OPEN_0103 } from './helpers.js';

const T0 = 5_000_000;

function paced(bars: Bar[], speed: number) {
  const clock = new VirtualClock(T0);
  const feed = createReplayFeed({ bars, seed: 1, speed, clock });
  const ticks: (Quote | Trade)[] = [];
  const closed: Bar[] = [];
  feed.ticks$.subscribe((t) => ticks.push(t));
  feed.bars$.subscribe((b) => closed.push(b));
  return { clock, feed, ticks, closed };
}

describe('replay pacing', () => {
  it('plays a minute bar in 1 s of wall time at speed 60, emitting each bar at its close', () => {
    const bars = [minuteBar('AAPL', OPEN_0102, 10, 11, 9, 10.5, 400), minuteBar('AAPL', OPEN_0102 + MINUTE, 10.5, 11, 10, 10.2, 400)];
    const { clock, feed, ticks, closed } = paced(bars, 60);
    feed.start();
    expect(ticks.map((t) => t.kind)).toEqual(['quote', 'trade']); // the open is due at once
    clock.advanceTo(T0 + 249);
    expect(ticks).toHaveLength(2);
    clock.advanceTo(T0 + 250);
    expect(ticks).toHaveLength(4);
    clock.advanceTo(T0 + 999);
    expect(closed).toHaveLength(0);
    expect(ticks).toHaveLength(8);
    clock.advanceTo(T0 + 1000);
    expect(closed).toEqual([bars[0]]);
    expect(feed.simNow()).toBe(OPEN_0102 + MINUTE);
    clock.advanceTo(T0 + 1999);
    expect(closed).toHaveLength(1);
    clock.advanceTo(T0 + 2000);
    expect(closed).toEqual(bars);
  });

  it('skips the overnight gap on the wall clock', () => {
    const bars = [minuteBar('AAPL', CLOSE_0102 - MINUTE, 10, 10, 10, 10, 100), minuteBar('AAPL', OPEN_0103, 10, 10, 10, 10, 100)];
    const { clock, feed, ticks, closed } = paced(bars, 60);
    feed.start();
    clock.advanceTo(T0 + 1000);
    expect(closed).toHaveLength(1);
    expect(ticks.filter((t) => t.ts >= OPEN_0103)).toHaveLength(2); // next morning's open follows at once
    expect(feed.status().market).toBe('open');
    clock.advanceTo(T0 + 2000);
    expect(closed).toHaveLength(2);
  });

  it('stop() cancels the pending alert, start() resumes, and speed Infinity plays everything at once', async () => {
    const bars = [minuteBar('AAPL', OPEN_0102, 10, 11, 9, 10.5, 400), minuteBar('AAPL', OPEN_0102 + MINUTE, 10.5, 11, 10, 10.2, 400)];
    const slow = paced(bars, 60);
    slow.feed.start();
    slow.feed.stop();
    slow.clock.advanceTo(T0 + 10_000);
    expect(slow.ticks).toHaveLength(2);
    slow.feed.start(); // resumes where it stopped: the next ticks are 250 ms of wall time away
    slow.clock.advanceTo(T0 + 10_249);
    expect(slow.ticks).toHaveLength(2);
    slow.clock.advanceTo(T0 + 10_250);
    expect(slow.ticks).toHaveLength(4);
    const fast = paced(bars, Number.POSITIVE_INFINITY);
    fast.feed.start();
    expect(fast.closed).toEqual(bars);
    await expect(fast.feed.finished).resolves.toBeUndefined();
  });

  it('refuses start() without a clock and step() during a paced run', async () => {
    const bars = [minuteBar('AAPL', OPEN_0102, 10, 11, 9, 10.5, 400)];
    expect(() => createReplayFeed({ bars, seed: 1 }).start()).toThrow(/clock/);
    const { feed } = paced(bars, 60);
    feed.start();
    await expect(feed.step()).rejects.toThrow(/paced/);
  });

  it('paces an async source once its reads settle', async () => {
    const bars = [minuteBar('AAPL', OPEN_0102, 10, 11, 9, 10.5, 400), minuteBar('AAPL', OPEN_0102 + MINUTE, 10.5, 11, 10, 10.2, 400)];
    async function* source(): AsyncGenerator<Bar> {
      for (const b of bars) yield await Promise.resolve(b);
    }
    const clock = new VirtualClock(T0);
    const feed = createReplayFeed({ bars: source(), seed: 1, speed: 60, clock });
    const closed: Bar[] = [];
    feed.bars$.subscribe((b) => closed.push(b));
    feed.start();
    for (let i = 0; i < 10 && clock.nextDue() === undefined; i += 1) await Promise.resolve();
    clock.advanceTo(T0 + 1000);
    expect(closed).toEqual([bars[0]]);
  });
});
