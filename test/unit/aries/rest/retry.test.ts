import { describe, expect, it } from 'vitest';
import { ARIES_ENDPOINTS, backoffMs, retryAfterMs, rateLimitResetMs } from '../../../../src/aries/rest/index.js';
import type { RunnerError } from '../../../../src/core/index.js';
import { Rng } from '../../../../src/time/index.js';
import { BASE, FakeTime, callCount, makeHttp, mockAgent, rejection } from './helpers.js';

const ME = { endpoint: ARIES_ENDPOINTS.usersMe };
const path = '/v1/users/me';

describe('retry delays', () => {
  const now = Date.UTC(2026, 0, 15, 14, 30, 0);
  it('reads Retry-After as seconds or an HTTP date, and X-RateLimit-Reset as epoch seconds', () => {
    expect(retryAfterMs({ 'retry-after': '2' }, now)).toBe(2000);
    expect(retryAfterMs({ 'retry-after': 'Thu, 15 Jan 2026 14:30:05 GMT' }, now)).toBe(5000);
    expect(retryAfterMs({ 'retry-after': 'Thu, 15 Jan 2026 14:29:00 GMT' }, now)).toBe(0);
    expect(retryAfterMs({ 'retry-after': 'soon' }, now)).toBeUndefined();
    expect(retryAfterMs({}, now)).toBeUndefined();
    expect(rateLimitResetMs({ 'x-ratelimit-reset': String(now / 1000 + 7) }, now)).toBe(7000);
    expect(rateLimitResetMs({ 'x-ratelimit-reset': 'x' }, now)).toBeUndefined();
  });

  it('full-jitter backoff stays under min(30 s, 500 × 2^n) and varies', () => {
    const rng = new Rng(7);
    for (let n = 0; n < 12; n += 1) {
      const ceiling = Math.min(30_000, 500 * 2 ** n);
      const samples = Array.from({ length: 50 }, () => backoffMs(n, rng));
      expect(samples.every((ms) => ms >= 0 && ms < ceiling)).toBe(true);
      expect(new Set(samples).size).toBeGreaterThan(10);
    }
  });
});

describe('AriesHttp retries on reads', () => {
  it('429 with Retry-After: 2 waits 2000 ms, then succeeds', async () => {
    const agent = mockAgent();
    const pool = agent.get(BASE);
    pool.intercept({ path, method: 'GET' }).reply(429, { error: 'rate_limited' }, { headers: { 'retry-after': '2' } });
    pool.intercept({ path, method: 'GET' }).reply(200, { id: 1 });
    const time = new FakeTime();
    const res = await makeHttp(agent, time).request(ME);
    expect([res.body, time.sleeps, callCount(agent)]).toEqual([{ id: 1 }, [2000], 2]);
  });

  it('429 with an HTTP-date Retry-After waits until that date', async () => {
    const agent = mockAgent();
    const time = new FakeTime();
    const at = new Date(Math.ceil(time.t / 1000) * 1000 + 3000).toUTCString();
    const pool = agent.get(BASE);
    pool.intercept({ path, method: 'GET' }).reply(429, '', { headers: { 'retry-after': at } });
    pool.intercept({ path, method: 'GET' }).reply(200, {});
    await makeHttp(agent, time).request(ME);
    expect(time.sleeps).toHaveLength(1);
    expect(time.sleeps[0]).toBeGreaterThanOrEqual(3000);
    expect(time.sleeps[0]).toBeLessThanOrEqual(4000);
  });

  it('429 without Retry-After uses X-RateLimit-Reset', async () => {
    const agent = mockAgent();
    const time = new FakeTime();
    const pool = agent.get(BASE);
    pool.intercept({ path, method: 'GET' }).reply(429, '', { headers: { 'x-ratelimit-reset': String(time.t / 1000 + 4) } });
    pool.intercept({ path, method: 'GET' }).reply(200, {});
    await makeHttp(agent, time).request(ME);
    expect(time.sleeps).toEqual([4000]);
  });

  it('429 without headers backs off with jitter inside the growing ceilings', async () => {
    const agent = mockAgent();
    const pool = agent.get(BASE);
    pool.intercept({ path, method: 'GET' }).reply(429, '').times(3);
    pool.intercept({ path, method: 'GET' }).reply(200, {});
    const time = new FakeTime();
    await makeHttp(agent, time).request(ME);
    expect(time.sleeps).toHaveLength(3);
    time.sleeps.forEach((ms, i) => {
      expect(ms).toBeGreaterThanOrEqual(0);
      expect(ms).toBeLessThan(500 * 2 ** i);
    });
  });

  it('concurrent callers hit by the same 429 do not retry in lockstep', async () => {
    const agent = mockAgent();
    const pool = agent.get(BASE);
    pool.intercept({ path, method: 'GET' }).reply(429, '').times(20);
    pool.intercept({ path, method: 'GET' }).reply(200, {}).times(20);
    const time = new FakeTime();
    const http = makeHttp(agent, time);
    await Promise.all(Array.from({ length: 20 }, () => http.request(ME)));
    expect(new Set(time.sleeps).size).toBeGreaterThan(15);
  });

  it('retries 5xx up to maxAttempts, then throws ARIES_ERR_SERVER', async () => {
    const agent = mockAgent();
    agent.get(BASE).intercept({ path, method: 'GET' }).reply(503, { error: 'unavailable' }).persist();
    const time = new FakeTime();
    const err = (await rejection(makeHttp(agent, time, { retry: { maxAttempts: 4 } }).request(ME))) as RunnerError;
    expect([err.code, callCount(agent), time.sleeps.length]).toEqual(['ARIES_ERR_SERVER', 4, 3]);
  });

  it('retries a network error on GET and succeeds', async () => {
    const agent = mockAgent();
    const pool = agent.get(BASE);
    pool.intercept({ path, method: 'GET' }).replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
    pool.intercept({ path, method: 'GET' }).reply(200, { ok: true });
    const res = await makeHttp(agent, new FakeTime()).request(ME);
    expect([res.body, callCount(agent)]).toEqual([{ ok: true }, 2]);
  });

  it('gives up without waiting when a Retry-After exceeds the total wait budget', async () => {
    const agent = mockAgent();
    agent.get(BASE).intercept({ path, method: 'GET' }).reply(429, '', { headers: { 'retry-after': '120' } });
    const time = new FakeTime();
    const err = (await rejection(makeHttp(agent, time, { retry: { maxTotalWaitMs: 60_000 } }).request(ME))) as RunnerError;
    expect([err.code, time.sleeps, callCount(agent)]).toEqual(['ARIES_ERR_RATE_LIMITED', [], 1]);
  });

  it('keeps the total wait within maxTotalWaitMs', async () => {
    const agent = mockAgent();
    agent.get(BASE).intercept({ path, method: 'GET' }).reply(429, '', { headers: { 'retry-after': '4' } }).persist();
    const time = new FakeTime();
    await rejection(makeHttp(agent, time, { retry: { maxAttempts: 100, maxTotalWaitMs: 10_000 } }).request(ME));
    expect(time.sleeps).toEqual([4000, 4000]);
    expect(callCount(agent)).toBe(3);
  });
});
