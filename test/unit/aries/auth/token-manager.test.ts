import { describe, expect, it } from 'vitest';
import { AuthErrorCode, SecretRegistry, TokenClient, TokenManager, isTokenRejection } from '../../../../src/aries/auth/index.js';
import type { TokenResponse } from '../../../../src/aries/auth/index.js';
import { isRunnerError } from '../../../../src/core/index.js';
import { BASE_URL, MemoryTokenStore, fakeNow, fakeTokenEndpoint } from './helpers.js';
import type { FakeReply } from './helpers.js';

const LOGIN: TokenResponse = { accessToken: 'at-0', tokenType: 'Bearer', expiresInSec: 3600, refreshToken: 'rt-0', refreshTokenExpiresInSec: 86_400 };

async function setup(handler: (body: Record<string, unknown>, index: number) => FakeReply, skewMs = 60_000) {
  const endpoint = fakeTokenEndpoint(handler);
  const secrets = new SecretRegistry();
  const store = new MemoryTokenStore();
  const clock = fakeNow();
  const client = new TokenClient({ clientId: 'cid', clientSecret: 'sec', baseUrl: BASE_URL, dispatcher: endpoint.agent, secrets });
  const persistErrors: unknown[] = [];
  const manager = new TokenManager({
    refresher: client, store, now: clock.now, refreshSkewMs: skewMs, secrets, onPersistError: (e) => persistErrors.push(e),
  });
  await manager.setTokens(LOGIN);
  return { endpoint, store, clock, manager, persistErrors };
}

const rotating = (_body: Record<string, unknown>, i: number): FakeReply => ({
  status: 200, json: { access_token: `at-${i + 1}`, expires_in: 3600, refresh_token: `rt-${i + 1}` },
});

describe('TokenManager refresh', () => {
  it('stores a rotated refresh token and persists it', async () => {
    const { endpoint, store, manager } = await setup(rotating);
    expect(await manager.getAccessToken({ forceRefresh: true })).toBe('at-1');
    expect(endpoint.bodies[0]?.['refresh_token']).toBe('rt-0');
    expect(manager.tokens?.refreshToken).toBe('rt-1');
    expect(store.saved.map((t) => [t.accessToken, t.refreshToken])).toEqual([['at-0', 'rt-0'], ['at-1', 'rt-1']]);
    await manager.getAccessToken({ forceRefresh: true });
    expect(endpoint.bodies[1]?.['refresh_token']).toBe('rt-1');
  });

  it('keeps the old refresh token and its expiry when none arrives', async () => {
    const { store, manager, clock } = await setup(() => ({ status: 200, json: { access_token: 'at-new', expires_in: 3600 } }));
    const before = manager.tokens?.refreshTokenExpiresAt;
    clock.set(clock.now() + 1000);
    await manager.getAccessToken({ forceRefresh: true });
    expect(store.current).toMatchObject({ accessToken: 'at-new', refreshToken: 'rt-0', refreshTokenExpiresAt: before });
  });

  it('runs one refresh for five concurrent forced callers', async () => {
    const { endpoint, manager } = await setup(rotating);
    const tokens = await Promise.all(Array.from({ length: 5 }, () => manager.getAccessToken({ forceRefresh: true })));
    expect(endpoint.bodies).toHaveLength(1);
    expect(tokens).toEqual(['at-1', 'at-1', 'at-1', 'at-1', 'at-1']);
  });

  it('refreshes proactively within the skew of expiry and not before', async () => {
    const { endpoint, manager, clock } = await setup(rotating, 60_000);
    const start = clock.now();
    clock.set(start + 3_540_000 - 1);
    expect(await manager.getAccessToken()).toBe('at-0');
    clock.set(start + 3_540_000);
    expect(await manager.getAccessToken()).toBe('at-1');
    expect(endpoint.bodies).toHaveLength(1);
  });

  it('clears credentials on invalid_grant and does not retry', async () => {
    const { endpoint, store, manager } = await setup(() => ({ status: 400, json: { error: 'invalid_grant' } }));
    const error = await manager.getAccessToken({ forceRefresh: true }).catch((e: unknown) => e);
    expect(isRunnerError(error, AuthErrorCode.INVALID_GRANT)).toBe(true);
    expect([endpoint.bodies.length, store.cleared, manager.tokens]).toEqual([1, 1, undefined]);
    const next = await manager.getAccessToken().catch((e: unknown) => e);
    expect(isRunnerError(next, AuthErrorCode.NOT_LOGGED_IN)).toBe(true);
    expect(endpoint.bodies).toHaveLength(1);
  });

  it('keeps tokens after a network error so the old refresh token can be replayed', async () => {
    const { endpoint, manager } = await setup((_b, i) => (i === 0 ? { status: 503, json: {} } : rotating(_b, i)));
    const error = await manager.getAccessToken({ forceRefresh: true }).catch((e: unknown) => e);
    expect(isRunnerError(error, AuthErrorCode.SERVER)).toBe(true);
    expect(await manager.getAccessToken({ forceRefresh: true })).toBe('at-2');
    expect(endpoint.bodies.map((b) => b['refresh_token'])).toEqual(['rt-0', 'rt-0']);
  });

  it('keeps using a rotated token when persisting fails, and reports it', async () => {
    const { store, manager, persistErrors } = await setup(rotating);
    store.failSaves = true;
    expect(await manager.getAccessToken({ forceRefresh: true })).toBe('at-1');
    expect(manager.tokens?.refreshToken).toBe('rt-1');
    expect(persistErrors).toHaveLength(1);
  });

  it('refuses to refresh with an expired refresh token, without a request', async () => {
    const { endpoint, manager, clock } = await setup(rotating);
    clock.set(clock.now() + 86_400_000);
    const error = await manager.getAccessToken().catch((e: unknown) => e);
    expect(isRunnerError(error, AuthErrorCode.NOT_LOGGED_IN)).toBe(true);
    expect(endpoint.bodies).toHaveLength(0);
  });
});

describe('TokenManager 401 handling (T-15)', () => {
  it('five concurrent 401s cause one refresh and all five succeed with the new token', async () => {
    const { endpoint, manager } = await setup(rotating);
    const seen: string[] = [];
    const send = (token: string) => {
      seen.push(token);
      return Promise.resolve(token === 'at-0' ? 401 : 200);
    };
    const results = await Promise.all(Array.from({ length: 5 }, () => manager.authorized(send, (s) => isTokenRejection(s))));
    expect(results).toEqual([200, 200, 200, 200, 200]);
    expect(endpoint.bodies).toHaveLength(1);
    expect(seen.filter((t) => t === 'at-1')).toHaveLength(5);
  });

  it('a 401 after the refresh gives exactly two requests and ARIES_ERR_UNAUTHORIZED', async () => {
    const { endpoint, manager } = await setup(rotating);
    let requests = 0;
    const error = await manager.authorized(() => Promise.resolve(++requests && 401), (s) => s === 401).catch((e: unknown) => e);
    expect(isRunnerError(error, AuthErrorCode.UNAUTHORIZED)).toBe(true);
    expect([requests, endpoint.bodies.length]).toEqual([2, 1]);
  });

  it('handleUnauthorized refreshes once, skips stale tokens and refuses a fresh token rejected again', async () => {
    const { endpoint, manager } = await setup(rotating);
    expect(await manager.handleUnauthorized('at-0')).toBe('at-1');
    expect(await manager.handleUnauthorized('at-0')).toBe('at-1');
    const error = await manager.handleUnauthorized('at-1').catch((e: unknown) => e);
    expect(isRunnerError(error, AuthErrorCode.UNAUTHORIZED)).toBe(true);
    expect(endpoint.bodies).toHaveLength(1);
  });

  it('allows a new refresh once the refreshed token has been accepted', async () => {
    const { endpoint, manager } = await setup(rotating);
    await manager.handleUnauthorized('at-0');
    manager.noteAccepted('at-1');
    expect(await manager.handleUnauthorized('at-1')).toBe('at-2');
    expect(endpoint.bodies).toHaveLength(2);
  });

  it('does not refresh on a plain 403, only on 401 or a Bearer invalid_token 403', async () => {
    const { endpoint, manager } = await setup(rotating);
    expect(await manager.authorized(() => Promise.resolve(403), (s) => isTokenRejection(s))).toBe(403);
    expect(endpoint.bodies).toHaveLength(0);
    expect(isTokenRejection(403, 'Bearer error="invalid_token", error_description="expired"')).toBe(true);
    expect(isTokenRejection(403, 'Bearer error="insufficient_scope"')).toBe(false);
  });

  it('reports NOT_LOGGED_IN with no tokens', async () => {
    const manager = new TokenManager({ refresher: { refresh: () => Promise.reject(new Error('no')) }, store: new MemoryTokenStore(), now: () => 0 });
    expect(await manager.load()).toBe(false);
    const error = await manager.getAccessToken().catch((e: unknown) => e);
    expect(isRunnerError(error, AuthErrorCode.NOT_LOGGED_IN)).toBe(true);
  });
});
