import { describe, expect, it } from 'vitest';
import { DenialCode, toSymbol, type Symbol } from '../../../src/core/index.js';
import { Ledger } from '../../../src/portfolio/index.js';
import {
  BlackoutSchedule, calendarBlackoutCheck, feedStaleCheck, QuoteFreshness, type FeedHealth,
} from '../../../src/risk/index.js';
import { NyseCalendar } from '../../../src/time/index.js';
import { AAPL, amt, context, denial, fill, intent, IN_SESSION, MSFT, SATURDAY } from './helpers.js';

const MIN = 60_000;

function longAapl() {
  const ledger = new Ledger(amt(100_000));
  fill(ledger, AAPL, 'BUY', 20, 100);
  return ledger;
}

describe('feedStaleCheck', () => {
  const stale = new Set<Symbol>([AAPL]);
  const feed: FeedHealth = { isStale: (s) => stale.has(s) };
  const check = feedStaleCheck(feed);

  it('denies FEED_STALE for an entry in a stale symbol only', () => {
    expect(denial(check.check(intent(), context())).code).toBe(DenialCode.FEED_STALE);
    expect(check.check(intent({ symbol: MSFT }), context({ prices: { MSFT: 10 } })).ok).toBe(true);
  });

  it('lets an exit through while stale', () => {
    expect(check.check(intent({ side: 'SELL', qty: amt(20) }), context({ ledger: longAapl() })).ok).toBe(true);
  });
});

describe('QuoteFreshness', () => {
  const open = Date.parse('2025-01-08T14:30:00Z');

  it('is stale only in session and only after the window without a quote', () => {
    const feed = new QuoteFreshness(5_000, new NyseCalendar());
    expect(feed.isStale(AAPL, open + 5_000)).toBe(false);
    expect(feed.isStale(AAPL, open + 5_001)).toBe(true);
    feed.noteQuote(AAPL, open + 10_000);
    expect(feed.isStale(AAPL, open + 15_000)).toBe(false);
    expect(feed.isStale(AAPL, open + 15_001)).toBe(true);
    expect(feed.isStale(AAPL, SATURDAY)).toBe(false);
  });

  it('ignores a late, out-of-order quote time', () => {
    const feed = new QuoteFreshness(1_000, new NyseCalendar());
    feed.noteQuote(AAPL, IN_SESSION);
    feed.noteQuote(AAPL, IN_SESSION - 10_000);
    expect(feed.isStale(AAPL, IN_SESSION + 1_000)).toBe(false);
  });
});

describe('BlackoutSchedule and calendarBlackoutCheck', () => {
  const cpiAt = IN_SESSION + 30 * MIN;
  const schedule = () => new BlackoutSchedule({
    economic: { names: ['cpi'], importance: [3], minutesBefore: 10, minutesAfter: 5 },
    earnings: { minutesBefore: 60 },
  });

  it('blacks out entries from N minutes before to N minutes after a selected release', () => {
    const s = schedule();
    expect(s.addEconomicRelease({ name: 'Core CPI MoM', ts: cpiAt, importance: 2 })).toBe(true);
    const check = calendarBlackoutCheck(s);
    expect(check.check(intent(), context({ now: cpiAt - 10 * MIN - 1 })).ok).toBe(true);
    const reason = denial(check.check(intent({ symbol: MSFT }), context({ now: cpiAt - 10 * MIN, prices: { MSFT: 1 } })));
    expect(reason.code).toBe(DenialCode.CALENDAR_BLACKOUT);
    expect(reason.context).toEqual({ reason: 'Core CPI MoM', start: cpiAt - 10 * MIN, end: cpiAt + 5 * MIN });
    expect(check.check(intent(), context({ now: cpiAt + 5 * MIN - 1 })).ok).toBe(false);
    expect(check.check(intent(), context({ now: cpiAt + 5 * MIN })).ok).toBe(true);
  });

  it('selects releases by name or importance, and all of them when both lists are empty', () => {
    const s = schedule();
    expect(s.addEconomicRelease({ name: 'Retail Sales', ts: cpiAt, importance: 3 })).toBe(true);
    expect(s.addEconomicRelease({ name: 'Retail Sales', ts: cpiAt, importance: 1 })).toBe(false);
    expect(s.addEconomicRelease({ name: 'Retail Sales', ts: cpiAt })).toBe(false);
    const all = new BlackoutSchedule({ economic: { names: [], importance: [], minutesBefore: 1, minutesAfter: 1 } });
    expect(all.addEconomicRelease({ name: 'anything', ts: cpiAt })).toBe(true);
    expect(new BlackoutSchedule({}).addEconomicRelease({ name: 'CPI', ts: cpiAt })).toBe(false);
  });

  it('blacks out only the reporting symbol before its earnings, up to the release', () => {
    const s = schedule();
    const earnings = IN_SESSION + 2 * 60 * MIN;
    s.addEarnings({ symbol: toSymbol('aapl'), ts: earnings });
    const check = calendarBlackoutCheck(s);
    expect(check.check(intent(), context({ now: earnings - 61 * MIN })).ok).toBe(true);
    expect(denial(check.check(intent(), context({ now: earnings - 60 * MIN }))).message).toContain('AAPL earnings');
    expect(check.check(intent({ symbol: MSFT }), context({ now: earnings - MIN, prices: { MSFT: 1 } })).ok).toBe(true);
    expect(check.check(intent(), context({ now: earnings })).ok).toBe(true);
  });

  it('lets exits through during a blackout', () => {
    const s = schedule();
    s.addEconomicRelease({ name: 'CPI', ts: IN_SESSION });
    const check = calendarBlackoutCheck(s);
    expect(check.check(intent({ side: 'SELL', qty: amt(20) }), context({ ledger: longAapl() })).ok).toBe(true);
    expect(check.check(intent({ side: 'SELL', qty: amt(21) }), context({ ledger: longAapl() })).ok).toBe(false);
  });

  it('keeps one window per release however often it is re-fetched, and drops ended windows', () => {
    const s = schedule();
    for (let i = 0; i < 5; i += 1) s.addEconomicRelease({ name: 'CPI', ts: cpiAt });
    s.addEarnings({ symbol: AAPL, ts: cpiAt + 60 * MIN });
    expect(s.windows()).toHaveLength(2);
    expect(s.activeWindow(MSFT, cpiAt + 60 * MIN)).toBeUndefined();
    expect(s.windows()).toHaveLength(0);
  });
});
