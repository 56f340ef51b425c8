import { describe, expect, it } from 'vitest';
import { ARIES_ENDPOINTS } from '../../../../src/aries/rest/index.js';
import { RetryClass, type RunnerError } from '../../../../src/core/index.js';
import { BASE, FakeTime, callCount, makeHttp, mockAgent, rejection } from './helpers.js';

describe('AriesHttp scope checks', () => {
  it('fails locally with ARIES_ERR_SCOPE naming the scope and login, sending nothing', async () => {
    const agent = mockAgent();
    agent.get(BASE).intercept({ path: '/v1/orders', method: 'POST' }).reply(200, {});
    let tokenAsked = false;
    const http = makeHttp(agent, new FakeTime(), {
      grantedScopes: ['market:information'],
      getAccessToken: () => {
        tokenAsked = true;
        return Promise.resolve('t');
      },
    });
    const err = (await rejection(http.request({ endpoint: ARIES_ENDPOINTS.placeOrder, body: { symbol: 'AAPL' } }))) as RunnerError;
    expect([err.code, err.retry]).toEqual(['ARIES_ERR_SCOPE', RetryClass.FATAL]);
    expect(err.message).toContain('"order:execution"');
    expect(err.message).toContain('login');
    expect([callCount(agent), tokenAsked]).toEqual([0, false]);
  });

  it('accepts either scope where the table lists two', async () => {
    const agent = mockAgent();
    agent.get(BASE).intercept({ path: '/v1/accounts/A1/positions', method: 'GET' }).reply(200, { positions: [] });
    const http = makeHttp(agent, new FakeTime(), { grantedScopes: ['position:information'] });
    const res = await http.request({ endpoint: ARIES_ENDPOINTS.positions, params: { id: 'A1' } });
    expect(res.body).toEqual({ positions: [] });
  });

  it('reads the granted scopes on every call when given a function', async () => {
    const agent = mockAgent();
    agent.get(BASE).intercept({ path: '/v1/users/me', method: 'GET' }).reply(200, {});
    let scopes: string[] = [];
    const http = makeHttp(agent, new FakeTime(), { grantedScopes: () => scopes });
    expect(((await rejection(http.request({ endpoint: ARIES_ENDPOINTS.usersMe }))) as RunnerError).code).toBe('ARIES_ERR_SCOPE');
    scopes = ['user:information'];
    await expect(http.request({ endpoint: ARIES_ENDPOINTS.usersMe })).resolves.toMatchObject({ status: 200 });
  });

  it('encodes path parameters and query, and refuses a missing parameter', async () => {
    const agent = mockAgent();
    agent.get(BASE).intercept({ path: '/v2/accounts/A%2F1/orders/history?from=2026-01-01T00%3A00%3A00Z&cursor=0', method: 'GET' }).reply(200, { orders: [] });
    const http = makeHttp(agent, new FakeTime());
    const call = { endpoint: ARIES_ENDPOINTS.orderHistory, params: { id: 'A/1' }, query: { from: '2026-01-01T00:00:00Z', cursor: 0, to: undefined } };
    await expect(http.request(call)).resolves.toMatchObject({ body: { orders: [] } });
    const err = (await rejection(http.request({ endpoint: ARIES_ENDPOINTS.orderHistory }))) as RunnerError;
    expect([err.code, err.message.includes('"id"')]).toEqual(['ARIES_ERR_BAD_REQUEST', true]);
  });
});
