import { Agent, type Dispatcher } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { TokenClient, TokenManager } from '../../../../src/aries/auth/index.js';
import { ARIES_ENDPOINTS, CategoryLimiter } from '../../../../src/aries/rest/index.js';
import { isPromise } from '../../../../src/core/index.js';
import { BASE_URL, MemoryTokenStore, fakeNow, fakeTokenEndpoint } from '../auth/helpers.js';
import { BASE, FakeTime, makeHttp, mockAgent } from './helpers.js';

/** Records each request's path as undici is asked to dispatch it, then lets the mock answer. */
class RecordingAgent extends Agent {
  readonly dispatched: string[] = [];
  constructor(private readonly inner: Dispatcher) {
    super();
  }
  override dispatch(options: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler): boolean {
    this.dispatched.push(`${options.method} ${options.path}`);
    return this.inner.dispatch(options, handler);
  }
}

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

function placeRig(getAccessToken: () => string | Promise<string>, budget = { capacity: 50, windowMs: 60_000 }) {
  const mock = mockAgent();
  mock.get(BASE).intercept({ path: '/v1/orders', method: 'POST' }).reply(200, { success: true, clOrdId: 'C-1' }).persist();
  const agent = new RecordingAgent(mock);
  closers.push(() => mock.close(), () => agent.close());
  const time = new FakeTime();
  const http = makeHttp(mock, time, { dispatcher: agent, getAccessToken, rateBudgets: { trading: budget } });
  return { http, agent, time };
}

const PLACE = { endpoint: ARIES_ENDPOINTS.placeOrder, body: { symbol: 'AAPL' } };

describe('the place path with a ready token and rate slot', () => {
  it('hands the POST to undici within the call itself, before any promise hop', async () => {
    const { http, agent } = placeRig(() => 'ready-token');
    const pending = http.request(PLACE);
    expect(agent.dispatched).toEqual(['POST /v1/orders']);
    expect((await pending).status).toBe(200);
  });

  it('still waits for a token that is only promised, and sends once it arrives', async () => {
    let give: (token: string) => void = () => undefined;
    const { http, agent } = placeRig(() => new Promise<string>((resolve) => (give = resolve)));
    const pending = http.request(PLACE);
    await Promise.resolve();
    expect(agent.dispatched).toEqual([]);
    give('late-token');
    expect((await pending).status).toBe(200);
    expect(agent.dispatched).toEqual(['POST /v1/orders']);
  });

  it('waits on the sleep when the trading window is full, then sends', async () => {
    const { http, agent, time } = placeRig(() => 'ready-token', { capacity: 1, windowMs: 60_000 });
    await http.request(PLACE);
    const second = http.request(PLACE);
    expect(agent.dispatched).toHaveLength(1);
    await second;
    expect(agent.dispatched).toHaveLength(2);
    expect(time.sleeps).toEqual([60_000]);
  });
});

describe('CategoryLimiter.acquire', () => {
  it('answers synchronously while the category has a slot, with a promise once it is full', async () => {
    const time = new FakeTime();
    const limiter = new CategoryLimiter(time.now, time.sleep, { trading: { capacity: 2, windowMs: 1_000 } });
    expect(limiter.acquire('trading')).toBeUndefined();
    expect(limiter.acquire('trading')).toBeUndefined();
    const third = limiter.acquire('trading');
    expect(isPromise(third)).toBe(true);
    await third;
    expect(time.sleeps).toEqual([1_000]);
    // Both first slots aged out during the wait; the third holds one of the two.
    expect(limiter.available('trading')).toBe(1);
  });
});

describe('TokenManager.accessToken', () => {
  function manager(expiresInSec: number) {
    const clock = fakeNow();
    const endpoint = fakeTokenEndpoint(() => ({ status: 200, json: { access_token: 'at-1', expires_in: 3600 } }));
    closers.push(() => endpoint.agent.close());
    const refresher = new TokenClient({ clientId: 'cid', clientSecret: 'sec', baseUrl: BASE_URL, dispatcher: endpoint.agent });
    const m = new TokenManager({ refresher, store: new MemoryTokenStore(), now: clock.now, refreshSkewMs: 60_000 });
    return { m, clock, login: () => m.setTokens({ accessToken: 'at-0', tokenType: 'Bearer', expiresInSec, refreshToken: 'rt-0' }) };
  }

  it('returns a valid token as a plain string', async () => {
    const { m, login } = manager(3600);
    await login();
    expect(m.accessToken()).toBe('at-0');
  });

  it('defers to getAccessToken (a promise) when logged out or when the token is due', async () => {
    const { m, clock, login } = manager(3600);
    const loggedOut = m.accessToken();
    expect(isPromise(loggedOut)).toBe(true);
    await expect(loggedOut).rejects.toMatchObject({ code: 'ARIES_ERR_NOT_LOGGED_IN' });
    await login();
    clock.set(clock.now() + 3_540_000);
    const due = m.accessToken();
    expect(isPromise(due)).toBe(true);
    expect(await due).toBe('at-1');
    expect(m.accessToken()).toBe('at-1');
  });
});

describe('request targets', () => {
  it('sends to the base URL origin with its path prefix, filled path and query', async () => {
    const mock = mockAgent();
    closers.push(() => mock.close());
    mock.get(BASE).intercept({ path: '/gateway/v2/accounts/A%201/orders?cursor=2', method: 'GET' }).reply(200, { orders: [], nextCursor: 0 });
    const http = makeHttp(mock, new FakeTime(), { baseUrl: `${BASE}/gateway/` });
    const r = await http.request({ endpoint: ARIES_ENDPOINTS.activeOrders, params: { id: 'A 1' }, query: { cursor: 2 } });
    expect(r.status).toBe(200);
  });

  it('refuses a base URL that is not a URL when built', () => {
    expect(() => makeHttp(mockAgent(), new FakeTime(), { baseUrl: 'not a url' })).toThrow(expect.objectContaining({ code: 'ARIES_ERR_BAD_REQUEST' }));
  });
});
