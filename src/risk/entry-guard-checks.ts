import { deny, DenialCode, PASS } from '../core/index.js';
import type { CalendarBlackouts } from './calendar-blackouts.js';
import type { FeedHealth } from './feed-health.js';
import type { RiskCheck } from './risk-check.js';
import { isReducing } from './order-math.js';

/** Returns a check that refuses new entries while the symbol's feed is stale; exits pass. */
export function feedStaleCheck(feed: FeedHealth): RiskCheck {
  return {
    name: 'feed-stale',
    check(intent, ctx) {
      if (!feed.isStale(intent.symbol, ctx.now) || isReducing(intent, ctx)) return PASS;
      return deny(DenialCode.FEED_STALE, `market data for ${intent.symbol} is stale: new entries wait until it resumes`);
    },
  };
}

/** Returns a check that refuses new entries inside a calendar blackout window; exits pass. */
export function calendarBlackoutCheck(blackouts: CalendarBlackouts): RiskCheck {
  return {
    name: 'calendar-blackout',
    check(intent, ctx) {
      const window = blackouts.activeWindow(intent.symbol, ctx.now);
      if (window === undefined || isReducing(intent, ctx)) return PASS;
      return deny(DenialCode.CALENDAR_BLACKOUT, `no new entries in ${intent.symbol} during the ${window.reason} blackout`, {
        reason: window.reason, start: window.start, end: window.end,
      });
    },
  };
}
