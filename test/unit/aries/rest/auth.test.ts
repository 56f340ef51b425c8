import { describe, expect, it } from 'vitest';
import { ARIES_ENDPOINTS } from '../../../../src/aries/rest/index.js';
import type { RunnerError } from '../../../../src/core/index.js';
import { BASE, FakeTime, NEW_TOKEN, TOKEN, callCount, makeHttp, mockAgent, rejection } from './helpers.js';

const ME = { endpoint: ARIES_ENDPOINTS.usersMe };

function authHeaders(agent: ReturnType<typeof mockAgent>): unknown[] {
  return (agent.getCallHistory()?.calls() ?? []).map((call) => call.headers?.['authorization']);
}

/** A token source that switches to NEW_TOKEN once refreshed, and a hook that counts refreshes. */
function refreshingTokens(result = true): { getAccessToken: () => Promise<string>; onUnauthorized: (used: string) => Promise<boolean>; used: string[] } {
  let current = TOKEN;
  const used: string[] = [];
  return {
    used,
    getAccessToken: () => Promise.resolve(current),
    onUnauthorized: (tokenUsed) => {
      used.push(tokenUsed);
      if (result) current = NEW_TOKEN;
      return Promise.resolve(result);
    },
  };
}

describe('AriesHttp bearer auth', () => {
  it('sends the bearer token and JSON accept header, and returns the parsed body', async () => {
    const agent = mockAgent();
    agent.get(BASE).intercept({ path: '/v1/users/me', method: 'GET' }).reply(200, { id: 7 });
    const res = await makeHttp(agent, new FakeTime()).request(ME);
    expect(res.body).toEqual({ id: 7 });
    expect(authHeaders(agent)).toEqual([`Bearer ${TOKEN}`]);
    expect(agent.getCallHistory()?.firstCall()?.headers?.['accept']).toBe('application/json');
  });

  it('sends a JSON body with its content type on POST', async () => {
    const agent = mockAgent();
    agent.get(BASE).intercept({ path: '/v1/orders/preview', method: 'POST', body: '{"symbol":"AAPL"}' }).reply(200, { fees: '0.01' });
    const res = await makeHttp(agent, new FakeTime()).request({ endpoint: ARIES_ENDPOINTS.previewOrder, body: { symbol: 'AAPL' } });
    expect(res.body).toEqual({ fees: '0.01' });
    expect(agent.getCallHistory()?.firstCall()?.headers?.['content-type']).toBe('application/json');
  });

  it('sends no Authorization header to the token endpoint', async () => {
    const agent = mockAgent();
    agent.get(BASE).intercept({ path: '/v1/oauth2/token', method: 'POST' }).reply(200, { access_token: 'x' });
    await makeHttp(agent, new FakeTime(), { grantedScopes: [] }).request({ endpoint: ARIES_ENDPOINTS.oauthToken, body: {} });
    expect(authHeaders(agent)).toEqual([undefined]);
  });

  it('on 401 calls the refresh hook with the refused token and retries once with the new token', async () => {
    const agent = mockAgent();
    const pool = agent.get(BASE);
    pool.intercept({ path: '/v1/users/me', method: 'GET' }).reply(401, { error: 'unauthorized', message: 'expired' });
    pool.intercept({ path: '/v1/users/me', method: 'GET' }).reply(200, { id: 1 });
    const tokens = refreshingTokens();
    const res = await makeHttp(agent, new FakeTime(), tokens).request(ME);
    expect(res.body).toEqual({ id: 1 });
    expect(tokens.used).toEqual([TOKEN]);
    expect(authHeaders(agent)).toEqual([`Bearer ${TOKEN}`, `Bearer ${NEW_TOKEN}`]);
  });

  it('a second 401 is final: ARIES_ERR_UNAUTHORIZED after exactly 2 requests and 1 refresh', async () => {
    const agent = mockAgent();
    agent.get(BASE).intercept({ path: '/v1/users/me', method: 'GET' }).reply(401, { error: 'unauthorized', message: 'no' }).persist();
    const tokens = refreshingTokens();
    const err = (await rejection(makeHttp(agent, new FakeTime(), tokens).request(ME))) as RunnerError;
    expect(err.code).toBe('ARIES_ERR_UNAUTHORIZED');
    expect(callCount(agent)).toBe(2);
    expect(tokens.used).toHaveLength(1);
    expect(err.message).not.toContain(NEW_TOKEN);
  });

  it('when the hook cannot refresh, fails after 1 request', async () => {
    const agent = mockAgent();
    agent.get(BASE).intercept({ path: '/v1/users/me', method: 'GET' }).reply(401, '').persist();
    const err = (await rejection(makeHttp(agent, new FakeTime(), refreshingTokens(false)).request(ME))) as RunnerError;
    expect([err.code, callCount(agent)]).toEqual(['ARIES_ERR_UNAUTHORIZED', 1]);
  });

  it('a 403 does not refresh', async () => {
    const agent = mockAgent();
    agent.get(BASE).intercept({ path: '/v1/users/me', method: 'GET' }).reply(403, { error: 'forbidden', message: 'scope' });
    const tokens = refreshingTokens();
    const err = (await rejection(makeHttp(agent, new FakeTime(), tokens).request(ME))) as RunnerError;
    expect([err.code, tokens.used.length, callCount(agent)]).toEqual(['ARIES_ERR_FORBIDDEN', 0, 1]);
  });
});
