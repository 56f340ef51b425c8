import { describe, expect, it } from 'vitest';
import { Subject } from 'rxjs';
import type { Bar, EpochMs, Symbol } from '../../../../src/core/index.js';
import {
  BarSequencer, fetchWarmUpBars, isDataGap, mergeBackfill, type BackfillItem, type FetchHistory,
} from '../../../../src/data/index.js';
import { VirtualClock } from '../../../../src/time/index.js';
import { AAA, BBB, MIN, OPEN, bar, settle } from './helpers.js';

interface Deferred {
  readonly symbol: Symbol;
  readonly from: EpochMs;
  readonly to: EpochMs;
  resolve(bars: readonly Bar[]): void;
  reject(e: Error): void;
}

/** A history port whose answers the test releases by hand. */
function manualHistory(): { fetch: FetchHistory; calls: Deferred[] } {
  const calls: Deferred[] = [];
  const fetch: FetchHistory = (symbol, from, to) =>
    new Promise((resolve, reject) => calls.push({ symbol, from, to, resolve, reject }));
  return { fetch, calls };
}

function setup(symbols: readonly Symbol[], warmUp?: { count: number }) {
  const clock = new VirtualClock(OPEN);
  const live = new Subject<Bar>();
  const reconnects = new Subject<void>();
  const history = manualHistory();
  const out: BackfillItem[] = [];
  let completed = false;
  const options = { symbols, intervalMs: MIN, clock, fetchHistory: history.fetch, reconnects };
  mergeBackfill(live, warmUp === undefined ? options : { ...options, warmUp }).subscribe({
    next: (item) => out.push(item),
    complete: () => { completed = true; },
  });
  const bars = (symbol?: Symbol): Array<[string, number]> =>
    out.filter((i): i is Bar => !isDataGap(i) && (symbol === undefined || i.symbol === symbol))
      .map((b) => [b.symbol, (b.ts - OPEN) / MIN]);
  return { clock, live, reconnects, history, out, bars, isCompleted: () => completed };
}

describe('mergeBackfill', () => {
  it('passes live bars through and drops a repeated or older one', () => {
    const s = setup([AAA]);
    s.live.next(bar(AAA, OPEN));
    s.live.next(bar(AAA, OPEN + MIN));
    s.live.next(bar(AAA, OPEN + MIN));
    s.live.next(bar(AAA, OPEN));
    expect(s.bars()).toEqual([['AAA', 0], ['AAA', 1]]);
  });

  it('after a reconnect fetches from the bar after the last delivered to now and fills the gap in order', async () => {
    const s = setup([AAA]);
    s.live.next(bar(AAA, OPEN));
    s.clock.advanceTo(OPEN + 5 * MIN + 10_000);
    s.reconnects.next();
    const call = s.history.calls[0];
    expect(call).toMatchObject({ symbol: AAA, from: OPEN + MIN, to: OPEN + 5 * MIN + 10_000 });
    // History overlaps what was delivered, is unsorted, and includes the still-forming bar 5.
    call?.resolve([bar(AAA, OPEN + 3 * MIN), bar(AAA, OPEN), bar(AAA, OPEN + MIN), bar(AAA, OPEN + 2 * MIN),
      bar(AAA, OPEN + 4 * MIN), bar(AAA, OPEN + 5 * MIN)]);
    await settle();
    expect(s.bars()).toEqual([['AAA', 0], ['AAA', 1], ['AAA', 2], ['AAA', 3], ['AAA', 4]]);
    expect(s.out.filter(isDataGap)).toEqual([{
      kind: 'gap', type: 'DATA_GAP', symbol: AAA, fromMs: OPEN + MIN, toMs: OPEN + 5 * MIN + 10_000, filled: 4,
      ts: OPEN + 5 * MIN + 10_000,
    }]);
  });

  it('holds live bars that arrive during the fetch and drops those the history already delivered', async () => {
    const s = setup([AAA]);
    s.live.next(bar(AAA, OPEN));
    s.clock.advanceTo(OPEN + 4 * MIN);
    s.reconnects.next();
    s.live.next(bar(AAA, OPEN + 3 * MIN, 99));
    s.live.next(bar(AAA, OPEN + 4 * MIN));
    expect(s.bars()).toEqual([['AAA', 0]]);
    s.history.calls[0]?.resolve([bar(AAA, OPEN + MIN), bar(AAA, OPEN + 2 * MIN), bar(AAA, OPEN + 3 * MIN, 7)]);
    await settle();
    expect(s.bars()).toEqual([['AAA', 0], ['AAA', 1], ['AAA', 2], ['AAA', 3], ['AAA', 4]]);
    const third = s.out.find((i): i is Bar => !isDataGap(i) && i.ts === OPEN + 3 * MIN);
    expect(third?.close).toBe(7);
  });

  it('emits no gap notice when history has nothing new, and does not fetch when no bar can be missing', async () => {
    const s = setup([AAA]);
    s.live.next(bar(AAA, OPEN));
    s.clock.advanceTo(OPEN + MIN + 30_000);
    s.reconnects.next();
    expect(s.history.calls).toHaveLength(0);
    s.clock.advanceTo(OPEN + 3 * MIN);
    s.reconnects.next();
    s.history.calls[0]?.resolve([bar(AAA, OPEN)]);
    await settle();
    expect(s.out.filter(isDataGap)).toEqual([]);
    expect(s.bars()).toEqual([['AAA', 0]]);
  });

  it('reports a failed fetch as a gap with an error and keeps the live bars flowing', async () => {
    const s = setup([AAA]);
    s.live.next(bar(AAA, OPEN));
    s.clock.advanceTo(OPEN + 3 * MIN);
    s.reconnects.next();
    s.live.next(bar(AAA, OPEN + 3 * MIN));
    s.history.calls[0]?.reject(new Error('503'));
    await settle();
    expect(s.out.filter(isDataGap)).toMatchObject([{ symbol: AAA, filled: 0, error: '503' }]);
    expect(s.bars()).toEqual([['AAA', 0], ['AAA', 3]]);
  });

  it('backfills a symbol that had no bar yet from the start, independently of the others', async () => {
    const s = setup([AAA, BBB]);
    s.live.next(bar(AAA, OPEN));
    s.clock.advanceTo(OPEN + 2 * MIN);
    s.reconnects.next();
    const byB = s.history.calls.find((c) => c.symbol === BBB);
    expect(byB?.from).toBe(OPEN);
    byB?.resolve([bar(BBB, OPEN), bar(BBB, OPEN + MIN)]);
    await settle();
    expect(s.bars(BBB)).toEqual([['BBB', 0], ['BBB', 1]]);
    s.history.calls.find((c) => c.symbol === AAA)?.resolve([bar(AAA, OPEN + MIN)]);
    await settle();
    expect(s.bars(AAA)).toEqual([['AAA', 0], ['AAA', 1]]);
  });

  it('runs a reconnect that comes during a fetch once more afterwards, from the new last bar', async () => {
    const s = setup([AAA]);
    s.live.next(bar(AAA, OPEN));
    s.clock.advanceTo(OPEN + 3 * MIN);
    s.reconnects.next();
    s.clock.advanceTo(OPEN + 6 * MIN);
    s.reconnects.next();
    expect(s.history.calls).toHaveLength(1);
    s.history.calls[0]?.resolve([bar(AAA, OPEN + MIN), bar(AAA, OPEN + 2 * MIN)]);
    await settle();
    expect(s.history.calls[1]).toMatchObject({ from: OPEN + 3 * MIN, to: OPEN + 6 * MIN });
    s.history.calls[1]?.resolve([bar(AAA, OPEN + 2 * MIN), bar(AAA, OPEN + 3 * MIN), bar(AAA, OPEN + 4 * MIN)]);
    await settle();
    expect(s.bars()).toEqual([['AAA', 0], ['AAA', 1], ['AAA', 2], ['AAA', 3], ['AAA', 4]]);
    expect(s.out.filter(isDataGap).map((g) => g.filled)).toEqual([2, 2]);
  });

  it('delivers warm-up bars before live ones with no duplicate at the seam', async () => {
    const s = setup([AAA], { count: 3 });
    expect(s.history.calls[0]).toMatchObject({ symbol: AAA, to: OPEN });
    s.live.next(bar(AAA, OPEN - MIN));
    s.live.next(bar(AAA, OPEN));
    s.history.calls[0]?.resolve([bar(AAA, OPEN - 4 * MIN), bar(AAA, OPEN - 3 * MIN), bar(AAA, OPEN - 2 * MIN),
      bar(AAA, OPEN - MIN), bar(AAA, OPEN)]);
    await settle();
    expect(s.bars()).toEqual([['AAA', -3], ['AAA', -2], ['AAA', -1], ['AAA', 0]]);
  });

  it('completes after the live stream completes and the pending fetch settles', async () => {
    const s = setup([AAA], { count: 1 });
    s.live.complete();
    await settle();
    expect(s.isCompleted()).toBe(false);
    s.history.calls[0]?.resolve([bar(AAA, OPEN - MIN)]);
    await settle();
    expect(s.bars()).toEqual([['AAA', -1]]);
    expect(s.isCompleted()).toBe(true);
  });
});

describe('fetchWarmUpBars', () => {
  it('returns the last N complete bars before the start, sorted and unique', async () => {
    const fetch: FetchHistory = () =>
      Promise.resolve([bar(AAA, OPEN - MIN), bar(AAA, OPEN - 3 * MIN), bar(AAA, OPEN - 2 * MIN), bar(AAA, OPEN - MIN),
        bar(AAA, OPEN - 30_000, 1, MIN)]);
    const got = await fetchWarmUpBars(fetch, { symbol: AAA, count: 2, intervalMs: MIN, startMs: OPEN });
    expect(got.map((b) => (b.ts - OPEN) / MIN)).toEqual([-2, -1]);
  });
});

describe('BarSequencer', () => {
  it('admits only later bars per symbol', () => {
    const seq = new BarSequencer();
    expect(seq.admit(bar(AAA, OPEN))).toBe(true);
    expect(seq.admit(bar(BBB, OPEN - MIN))).toBe(true);
    expect(seq.admit(bar(AAA, OPEN))).toBe(false);
    expect(seq.admit(bar(AAA, OPEN - MIN))).toBe(false);
    expect(seq.lastStart(AAA)).toBe(OPEN);
  });
});
