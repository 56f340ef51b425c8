import { afterEach, describe, expect, it } from 'vitest';
import { request } from 'undici';
import { ARIES_ENDPOINTS } from '../../../src/aries/rest/index.js';
import { ACCOUNT, startHarness, T0, type Harness } from './sim-harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function raw(hh: Harness, method: 'GET' | 'POST', path: string, body?: unknown): Promise<{ status: number; headers: Record<string, unknown>; body: unknown }> {
  const token = await hh.tokens.getAccessToken();
  const res = await request(`${hh.sim.baseUrl}${path}`, {
    method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.body.text();
  return { status: res.statusCode, headers: res.headers, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
}

describe('simulator REST access rules', () => {
  it('enforces scopes per endpoint with 403 forbidden', async () => {
    h = await startHarness({}, ['user:information', 'market:information']);
    expect((await raw(h, 'GET', '/v1/users/me')).status).toBe(200);
    const denied = await raw(h, 'GET', `/v1/accounts/${ACCOUNT}/balances`);
    expect(denied.status).toBe(403);
    expect(denied.body).toMatchObject({ error: 'forbidden' });
    expect((await raw(h, 'POST', '/v1/orders', { accountId: ACCOUNT, symbol: 'X', side: 'BUY', type: 'MARKET', qty: '1', timeInForce: 'DAY' })).status).toBe(403);
    expect((await raw(h, 'GET', '/v1/calendars/economics?date=2024-03-12')).status).toBe(403);
  });

  it('sends X-RateLimit headers on every response and 429 with Retry-After past the per-token budget', async () => {
    h = await startHarness({ rateLimits: { trading: 3 } });
    const body = { accountId: ACCOUNT, symbol: 'SIMA', side: 'BUY', type: 'LIMIT', qty: '1', price: '1', timeInForce: 'DAY' };
    const remaining: unknown[] = [];
    for (let i = 0; i < 3; i += 1) {
      const r = await raw(h, 'POST', '/v1/orders/preview', body);
      expect(r.headers['x-ratelimit-limit']).toBe('3');
      remaining.push(r.headers['x-ratelimit-remaining']);
      expect(Number(r.headers['x-ratelimit-reset'])).toBeGreaterThanOrEqual(Math.floor(T0 / 1000));
    }
    expect(remaining).toEqual(['2', '1', '0']);
    const limited = await raw(h, 'POST', '/v1/orders/preview', body);
    expect(limited.status).toBe(429);
    expect(limited.body).toEqual({ error: 'rate_limited', message: 'Rate limit exceeded' });
    expect(limited.headers['retry-after']).toBe('60');
    const me = await raw(h, 'GET', '/v1/users/me');
    expect(me.status).toBe(200);
    expect(me.headers['x-ratelimit-limit']).toBe('100');
    h.clock.advanceTo(T0 + 60_000);
    expect((await raw(h, 'POST', '/v1/orders/preview', body)).status).toBe(200);
  });

  it('answers unknown accounts and paths with 404 and the error body', async () => {
    h = await startHarness();
    expect(await raw(h, 'GET', '/v1/accounts/NOPE/positions')).toMatchObject({ status: 404, body: { error: 'not_found' } });
    expect(await raw(h, 'GET', '/v1/nothing/here')).toMatchObject({ status: 404, body: { error: 'not_found' } });
    expect(await raw(h, 'POST', '/v1/orders', { accountId: 'NOPE', symbol: 'X', side: 'BUY', type: 'MARKET', qty: '1', timeInForce: 'DAY' })).toMatchObject({ status: 404 });
    expect(await raw(h, 'POST', '/v1/orders', '{not json')).toMatchObject({ status: 400, body: { error: 'bad_request' } });
  });

  it('serves chart history in UDF form: ok, no_data and error, always HTTP 200', async () => {
    h = await startHarness();
    h.bar('SIMA', T0, 10, 11, 9, 10.5, 100);
    h.bar('SIMA', T0 + 60_000, 10.5, 12, 10, 11, 200);
    h.bar('SIMA', T0 + 300_000, 11, 11, 8, 9, 300);
    const s = Math.floor(T0 / 1000);
    const five = await h.call({ endpoint: ARIES_ENDPOINTS.chartHistory, query: { symbol: 'SIMA', resolution: '5', from: String(s - 300), to: String(s + 600) } });
    expect(five).toEqual({ s: 'ok', t: [s, s + 300], o: [10, 11], h: [12, 11], l: [9, 8], c: [11, 9], v: [300, 300] });
    const none = await raw(h, 'GET', `/v1/chart/history?symbol=SIMA&resolution=1&from=${s + 3600}&to=${s + 7200}`);
    expect(none).toMatchObject({ status: 200, body: { s: 'no_data', nextTime: s + 300 } });
    const bad = await raw(h, 'GET', `/v1/chart/history?symbol=SIMA&resolution=7X&from=${s}&to=${s + 60}`);
    expect(bad).toMatchObject({ status: 200, body: { s: 'error' } });
    const backwards = await raw(h, 'GET', `/v1/chart/history?symbol=SIMA&resolution=1&from=${s}&to=${s}`);
    expect(backwards).toMatchObject({ status: 200, body: { s: 'error' } });
  });

  it('serves calendars from the fixture and searches symbols from the fixture and the bar feed', async () => {
    h = await startHarness();
    h.bar('ZZZ', T0, 1, 1, 1, 1);
    const earnings = (await h.call({ endpoint: ARIES_ENDPOINTS.earningsCalendar, query: { from: '2024-01-01', to: '2024-02-01' } })) as unknown[];
    expect(earnings).toEqual([expect.objectContaining({ symbol: 'SIMA', date: '2024-01-25' })]);
    const econ = (await h.call({ endpoint: ARIES_ENDPOINTS.economicCalendar, query: { date: '2024-03-12' } })) as { events: unknown[] };
    expect(econ.events).toHaveLength(2);
    expect(await h.call({ endpoint: ARIES_ENDPOINTS.symbolSearch, query: { query: 'zz' } })).toEqual([{ symbol: 'ZZZ', description: 'ZZZ (simulated)', tag: 'SIM', type: 'stock' }]);
    expect(await h.call({ endpoint: ARIES_ENDPOINTS.symbolSearch, query: { query: 'SIM', limit: '1' } })).toEqual([expect.objectContaining({ symbol: 'SIMA' })]);
  });
});
