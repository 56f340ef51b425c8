import { describe, expect, it } from 'vitest';
import { Subject } from 'rxjs';
import { toSymbol, type Bar, type Trade } from '../../../../src/core/index.js';
import { barsFromTrades, barStartOf, checkLiveIntervalMs, sessionBarsFromTrades } from '../../../../src/data/index.js';
import { NyseCalendar, VirtualClock } from '../../../../src/time/index.js';
import { AAA, BBB, MIN, OPEN, trade } from './helpers.js';

function setup(graceMs = 2_000, start = OPEN) {
  const clock = new VirtualClock(start);
  const trades = new Subject<Trade>();
  const bars: Array<[Bar, number]> = [];
  const late: Trade[] = [];
  let completed = false;
  trades.pipe(barsFromTrades(MIN, clock, { graceMs, onLateTrade: (t) => late.push(t) })).subscribe({
    next: (b) => bars.push([b, clock.now()]),
    complete: () => { completed = true; },
  });
  const at = (t: Trade): void => {
    clock.advanceTo(t.ts);
    trades.next(t);
  };
  return { clock, trades, bars, late, at, isCompleted: () => completed };
}

describe('barsFromTrades', () => {
  it('builds OHLCV aligned to :00 and emits when a trade of the next minute arrives', () => {
    const s = setup();
    s.at(trade(AAA, OPEN + 5_000, 10, 100));
    s.at(trade(AAA, OPEN + 20_000, 12, 50));
    s.at(trade(AAA, OPEN + 40_000, 9, 10));
    s.at(trade(AAA, OPEN + 59_999, 11, 5));
    expect(s.bars).toEqual([]);
    s.at(trade(AAA, OPEN + MIN, 20, 1));
    expect(s.bars).toEqual([[
      { kind: 'bar', symbol: AAA, ts: OPEN, tsEnd: OPEN + MIN, open: 10, high: 12, low: 9, close: 11, volume: 165 },
      OPEN + MIN,
    ]]);
  });

  it('puts a trade at exactly the boundary into the new bar', () => {
    const s = setup();
    s.at(trade(AAA, OPEN, 10));
    s.at(trade(AAA, OPEN + MIN, 11));
    expect(s.bars.map(([b]) => [b.ts, b.close])).toEqual([[OPEN, 10]]);
  });

  it('closes a quiet bar when the clock passes its end plus the grace, not before', () => {
    const s = setup(2_000);
    s.at(trade(AAA, OPEN + 1_000, 10));
    s.clock.advanceTo(OPEN + MIN + 1_999);
    expect(s.bars).toEqual([]);
    s.clock.advanceTo(OPEN + 5 * MIN);
    expect(s.bars.map(([b, at]) => [b.ts, b.tsEnd, at])).toEqual([[OPEN, OPEN + MIN, OPEN + MIN + 2_000]]);
  });

  it('gives no bar for a minute without trades', () => {
    const s = setup();
    s.at(trade(AAA, OPEN + 1_000, 10));
    s.at(trade(AAA, OPEN + 3 * MIN + 1_000, 11));
    s.clock.advanceTo(OPEN + 10 * MIN);
    expect(s.bars.map(([b]) => b.ts)).toEqual([OPEN, OPEN + 3 * MIN]);
  });

  it('drops a trade for a bar already emitted by the timer, so no bar is emitted twice', () => {
    const s = setup(1_000);
    s.at(trade(AAA, OPEN + 1_000, 10));
    s.clock.advanceTo(OPEN + MIN + 1_000);
    s.trades.next(trade(AAA, OPEN + 59_000, 99));
    s.at(trade(AAA, OPEN + MIN + 5_000, 12));
    s.clock.advanceTo(OPEN + 3 * MIN);
    expect(s.bars.map(([b]) => [b.ts, b.close])).toEqual([[OPEN, 10], [OPEN + MIN, 12]]);
    expect(s.late.map((t) => t.price)).toEqual([99]);
  });

  it('drops a trade older than the open bar', () => {
    const s = setup();
    s.at(trade(AAA, OPEN + MIN + 1_000, 10));
    s.trades.next(trade(AAA, OPEN + 30_000, 50));
    s.clock.advanceTo(OPEN + 5 * MIN);
    expect(s.bars.map(([b]) => [b.ts, b.high])).toEqual([[OPEN + MIN, 10]]);
    expect(s.late).toHaveLength(1);
  });

  it('keeps one bar per symbol and emits each in time order', () => {
    const s = setup();
    s.at(trade(AAA, OPEN + 1_000, 10));
    s.at(trade(BBB, OPEN + 2_000, 20));
    s.at(trade(BBB, OPEN + MIN + 1_000, 21));
    expect(s.bars.map(([b]) => [b.symbol, b.ts])).toEqual([[BBB, OPEN]]);
    s.clock.advanceTo(OPEN + 3 * MIN);
    expect(s.bars.map(([b]) => [b.symbol, b.ts])).toEqual([[BBB, OPEN], [AAA, OPEN], [BBB, OPEN + MIN]]);
  });

  it('on completion emits ended bars only and cancels the timers', () => {
    const s = setup();
    s.at(trade(AAA, OPEN + 1_000, 10));
    s.at(trade(BBB, OPEN + MIN + 1_000, 20));
    s.clock.advanceTo(OPEN + MIN + 1_500);
    s.trades.complete();
    expect(s.bars.map(([b]) => b.symbol)).toEqual([AAA]);
    expect(s.isCompleted()).toBe(true);
    expect(s.clock.nextDue()).toBeUndefined();
  });

  it('aligns five-minute bars to :00, :05, …', () => {
    expect(barStartOf(OPEN + 7 * MIN + 30_000, 5 * MIN)).toBe(OPEN + 5 * MIN);
    expect(barStartOf(OPEN, 5 * MIN)).toBe(OPEN);
  });

  it('refuses an interval that does not divide a day', () => {
    expect(() => checkLiveIntervalMs(7 * MIN)).toThrow(expect.objectContaining({ code: 'DATA_ERR_INTERVAL' }));
    expect(() => checkLiveIntervalMs(0)).toThrow(expect.objectContaining({ code: 'DATA_ERR_INTERVAL' }));
    expect(() => checkLiveIntervalMs(5 * MIN)).not.toThrow();
  });
});

describe('sessionBarsFromTrades', () => {
  it('rebuilds daily session bars (open to close, early closes included) from trades and drops trades outside sessions', () => {
    const calendar = new NyseCalendar();
    const clock = new VirtualClock(Date.UTC(2024, 10, 29, 12));
    const bars: Bar[] = [];
    const trades = new Subject<Trade>();
    trades.pipe(sessionBarsFromTrades(calendar, clock)).subscribe((b) => bars.push(b));
    const friday = calendar.session('2024-11-29');
    const monday = calendar.session('2024-12-02');
    if (friday === undefined || monday === undefined) throw new Error('calendar');
    const t = (ts: number, price: number, size: number): Trade => ({ kind: 'trade', symbol: toSymbol('YHOO'), ts, price, size });
    trades.next(t(friday.open - 60_000, 99, 1));
    trades.next(t(friday.open, 10, 100));
    trades.next(t(friday.open + 1000, 9, 50));
    trades.next(t(friday.open + 2000, 12, 25));
    trades.next(t(friday.close - 1, 11, 25));
    expect(bars).toEqual([]);
    clock.advanceTo(monday.open);
    trades.next(t(monday.open, 11.5, 10));
    expect(bars).toEqual([{ kind: 'bar', symbol: 'YHOO', ts: friday.open, tsEnd: friday.close, open: 10, high: 12, low: 9, close: 11, volume: 200 }]);
    expect(friday.close - friday.open).toBe(3.5 * 3_600_000);
  });
});
