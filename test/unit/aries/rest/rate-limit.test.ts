import { describe, expect, it } from 'vitest';
import { ARIES_ENDPOINTS, CategoryLimiter, RateCategory } from '../../../../src/aries/rest/index.js';
import { BASE, FakeScheduler, FakeTime, makeHttp, mockAgent } from './helpers.js';

/** Returns the largest number of times inside any half-open window [t, t + windowMs). */
function maxInWindow(times: readonly number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  let lo = 0;
  for (let hi = 0; hi < sorted.length; hi += 1) {
    while ((sorted[hi] ?? 0) - (sorted[lo] ?? 0) >= windowMs) lo += 1;
    best = Math.max(best, hi - lo + 1);
  }
  return best;
}

describe('AriesHttp client-side rate limits', () => {
  it('200 sequential trading calls never exceed 50 in any 60 s window', async () => {
    const agent = mockAgent();
    const time = new FakeTime();
    const sent: number[] = [];
    agent.get(BASE).intercept({ path: '/v1/orders/cancel', method: 'POST' }).reply(() => {
      sent.push(time.t);
      return { statusCode: 200, data: { success: true } };
    }).persist();
    const http = makeHttp(agent, time);
    for (let i = 0; i < 200; i += 1) await http.request({ endpoint: ARIES_ENDPOINTS.cancelOrder, body: { origClOrdId: `C${i}` } });
    expect(sent).toHaveLength(200);
    expect(maxInWindow(sent, 60_000)).toBe(50);
    // Throughput is not starved: four full windows, no more.
    expect((sent.at(-1) ?? 0) - (sent[0] ?? 0)).toBe(180_000);
  });

  it('200 concurrent trading calls never exceed 50 in any 60 s window', async () => {
    const agent = mockAgent();
    const clock = new FakeScheduler();
    const sent: number[] = [];
    agent.get(BASE).intercept({ path: '/v1/orders/preview', method: 'POST' }).reply(() => {
      sent.push(clock.t);
      return { statusCode: 200, data: {} };
    }).persist();
    const http = makeHttp(agent, new FakeTime(), { now: clock.now, sleep: clock.sleep });
    await clock.run(Promise.all(Array.from({ length: 200 }, () => http.request({ endpoint: ARIES_ENDPOINTS.previewOrder, body: {} }))));
    expect(sent).toHaveLength(200);
    expect(maxInWindow(sent, 60_000)).toBe(50);
    expect((sent.at(-1) ?? 0) - (sent[0] ?? 0)).toBe(180_000);
  });

  it('keeps categories apart: trading exhaustion does not delay market data', async () => {
    const agent = mockAgent();
    const time = new FakeTime();
    const pool = agent.get(BASE);
    pool.intercept({ path: '/v1/orders/cancel', method: 'POST' }).reply(200, {}).persist();
    pool.intercept({ path: /^\/v1\/chart\/history/, method: 'GET' }).reply(200, { s: 'ok' }).persist();
    const http = makeHttp(agent, time);
    for (let i = 0; i < 50; i += 1) await http.request({ endpoint: ARIES_ENDPOINTS.cancelOrder, body: {} });
    await http.request({ endpoint: ARIES_ENDPOINTS.chartHistory, query: { symbol: 'AAPL' } });
    expect(time.sleeps).toEqual([]);
  });
});

describe('CategoryLimiter', () => {
  it('uses the documented budgets (auth 10, user management 100, market data 1000, trading 50 per minute)', () => {
    const time = new FakeTime();
    const limiter = new CategoryLimiter(time.now, time.sleep);
    expect([RateCategory.AUTH, RateCategory.USER_MANAGEMENT, RateCategory.MARKET_DATA, RateCategory.TRADING].map((c) => limiter.available(c))).toEqual([
      10, 100, 1000, 50,
    ]);
  });

  it('waits until the oldest grant leaves the window', async () => {
    const time = new FakeTime();
    const limiter = new CategoryLimiter(time.now, time.sleep, { auth: { capacity: 2, windowMs: 1000 } });
    await limiter.acquire(RateCategory.AUTH);
    time.t += 300;
    await limiter.acquire(RateCategory.AUTH);
    await limiter.acquire(RateCategory.AUTH);
    expect(time.sleeps).toEqual([700]);
  });
});
