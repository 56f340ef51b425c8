import { afterEach, describe, expect, it } from 'vitest';
import { request } from 'undici';
import { createPkcePair, TokenClient } from '../../../src/aries/auth/index.js';
import { ARIES_ENDPOINTS } from '../../../src/aries/rest/index.js';
import { DEFAULT_SIM_CLIENT_ID, DEFAULT_SIM_CLIENT_SECRET, DEFAULT_SIM_REDIRECT_URI, startSimulator, type SimulatorHandle } from '../../../src/aries-sim/index.js';
import { VirtualClock } from '../../../src/time/index.js';
import { ALL, authorizeHeadless, startHarness, T0, type Harness } from './sim-harness.js';

let h: Harness | undefined;
let sim: SimulatorHandle | undefined;
afterEach(async () => {
  await h?.close();
  await sim?.close();
  h = undefined;
  sim = undefined;
});

async function postToken(baseUrl: string, body: Record<string, string>): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await request(`${baseUrl}/v1/oauth2/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.statusCode, body: (await res.body.json()) as Record<string, unknown> };
}

const client = (baseUrl: string): TokenClient => new TokenClient({ clientId: DEFAULT_SIM_CLIENT_ID, clientSecret: DEFAULT_SIM_CLIENT_SECRET, baseUrl });

describe('simulator OAuth2', () => {
  it('logs the project client in with PKCE through the headless authorize redirect and grants the asked scopes', async () => {
    h = await startHarness();
    expect(h.tokens.tokens?.scope?.split(' ').sort()).toEqual([...ALL].sort());
    const me = await h.call({ endpoint: ARIES_ENDPOINTS.usersMe });
    expect(me).toMatchObject({ id: 1 });
  });

  it('makes a code single-use and refuses a wrong PKCE verifier with invalid_grant', async () => {
    const clock = new VirtualClock(T0);
    sim = await startSimulator({ headless: true, clock });
    const pkce = await createPkcePair();
    const back = await authorizeHeadless(sim.baseUrl, ALL, pkce.codeChallenge, 'st-1');
    const code = back.searchParams.get('code') ?? '';
    const wrong = await postToken(sim.baseUrl, { grant_type: 'authorization_code', client_id: DEFAULT_SIM_CLIENT_ID, code, code_verifier: 'x'.repeat(43), redirect_uri: DEFAULT_SIM_REDIRECT_URI });
    expect(wrong).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    const again = await authorizeHeadless(sim.baseUrl, ALL, pkce.codeChallenge, 'st-2');
    const good = { code: again.searchParams.get('code') ?? '', codeVerifier: pkce.codeVerifier, redirectUri: DEFAULT_SIM_REDIRECT_URI };
    await expect(client(sim.baseUrl).exchangeCode(good)).resolves.toMatchObject({ tokenType: 'Bearer' });
    await expect(client(sim.baseUrl).exchangeCode(good)).rejects.toMatchObject({ code: 'ARIES_ERR_AUTH_INVALID_GRANT' });
  });

  it('expires codes after the configured lifetime', async () => {
    const clock = new VirtualClock(T0);
    sim = await startSimulator({ headless: true, clock, codeTtlMs: 1000 });
    const pkce = await createPkcePair();
    const back = await authorizeHeadless(sim.baseUrl, ALL, pkce.codeChallenge, 's');
    clock.advanceTo(T0 + 1000);
    const exchange = { code: back.searchParams.get('code') ?? '', codeVerifier: pkce.codeVerifier, redirectUri: DEFAULT_SIM_REDIRECT_URI };
    await expect(client(sim.baseUrl).exchangeCode(exchange)).rejects.toMatchObject({ code: 'ARIES_ERR_AUTH_INVALID_GRANT' });
  });

  it('rotates refresh tokens: the old one then fails with invalid_grant', async () => {
    h = await startHarness();
    const first = h.tokens.tokens?.refreshToken ?? '';
    const c = client(h.sim.baseUrl);
    const next = await c.refresh(first);
    expect(next.refreshToken).toBeDefined();
    expect(next.refreshToken).not.toBe(first);
    await expect(c.refresh(first)).rejects.toMatchObject({ code: 'ARIES_ERR_AUTH_INVALID_GRANT' });
    await expect(c.refresh(next.refreshToken ?? '')).resolves.toMatchObject({ tokenType: 'Bearer' });
  });

  it('keeps the refresh token when rotation is off', async () => {
    h = await startHarness({ rotateRefreshTokens: false });
    const first = h.tokens.tokens?.refreshToken ?? '';
    const c = client(h.sim.baseUrl);
    await c.refresh(first);
    await expect(c.refresh(first)).resolves.toMatchObject({ refreshToken: first });
  });

  it('answers the documented error codes', async () => {
    h = await startHarness();
    const base = h.sim.baseUrl;
    const rt = h.tokens.tokens?.refreshToken ?? '';
    expect(await postToken(base, { grant_type: 'refresh_token', client_id: DEFAULT_SIM_CLIENT_ID, refresh_token: rt })).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
    expect(await postToken(base, { grant_type: 'refresh_token', client_id: DEFAULT_SIM_CLIENT_ID, client_secret: 'wrong', refresh_token: rt })).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
    expect(await postToken(base, { grant_type: 'refresh_token', client_id: 'nobody', client_secret: 'x', refresh_token: rt })).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
    expect(await postToken(base, { grant_type: 'password', client_id: DEFAULT_SIM_CLIENT_ID })).toMatchObject({ status: 400, body: { error: 'unsupported_grant_type' } });
    expect(await postToken(base, { client_id: DEFAULT_SIM_CLIENT_ID })).toMatchObject({ status: 400, body: { error: 'invalid_request' } });
    expect(await postToken(base, { grant_type: 'refresh_token', client_id: DEFAULT_SIM_CLIENT_ID, client_secret: DEFAULT_SIM_CLIENT_SECRET, refresh_token: 'nope' })).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    const pkce = await createPkcePair();
    const back = await authorizeHeadless(base, ALL, pkce.codeChallenge, 's');
    const mismatch = await postToken(base, { grant_type: 'authorization_code', client_id: DEFAULT_SIM_CLIENT_ID, code: back.searchParams.get('code') ?? '', code_verifier: pkce.codeVerifier, redirect_uri: 'http://127.0.0.1:9/other' });
    expect(mismatch).toMatchObject({ status: 400, body: { error: 'redirect_uri_mismatch' } });
  });

  it('refuses an unregistered redirect URI directly and sends other authorize errors back to the redirect URI', async () => {
    sim = await startSimulator({ headless: true });
    const q = (extra: Record<string, string>): string => `${sim?.baseUrl ?? ''}/oauth2/authorize?${new URLSearchParams({ response_type: 'code', client_id: DEFAULT_SIM_CLIENT_ID, redirect_uri: DEFAULT_SIM_REDIRECT_URI, scope: 'user:information', state: 's9', ...extra }).toString()}`;
    const bad = await request(q({ redirect_uri: 'http://127.0.0.1:1/evil' }));
    expect(bad.statusCode).toBe(400);
    expect(await bad.body.json()).toMatchObject({ error: 'redirect_uri_mismatch' });
    const scope = await request(q({ scope: 'user:information nonsense:scope' }));
    await scope.body.dump();
    const back = new URL(String(scope.headers['location']));
    expect(back.searchParams.get('error')).toBe('invalid_scope');
    expect(back.searchParams.get('state')).toBe('s9');
  });

  it('serves a self-approving consent page when not headless', async () => {
    sim = await startSimulator({});
    const pkce = await createPkcePair();
    const url = `${sim.baseUrl}/oauth2/authorize?${new URLSearchParams({ response_type: 'code', client_id: DEFAULT_SIM_CLIENT_ID, redirect_uri: DEFAULT_SIM_REDIRECT_URI, scope: 'user:information', state: 'abc', code_challenge: pkce.codeChallenge, code_challenge_method: 'S256' }).toString()}`;
    const res = await request(url);
    const html = await res.body.text();
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    const href = /href="([^"]+)"/.exec(html)?.[1]?.replace(/&amp;/g, '&') ?? '';
    const back = new URL(href);
    expect(back.origin + back.pathname).toBe(DEFAULT_SIM_REDIRECT_URI);
    expect(back.searchParams.get('state')).toBe('abc');
    await expect(client(sim.baseUrl).exchangeCode({ code: back.searchParams.get('code') ?? '', codeVerifier: pkce.codeVerifier, redirectUri: DEFAULT_SIM_REDIRECT_URI })).resolves.toMatchObject({ tokenType: 'Bearer' });
  });

  it('expires access tokens after the configured TTL; the token manager then refreshes before calling', async () => {
    h = await startHarness({ accessTokenTtlMs: 120_000 });
    const before = h.tokens.tokens?.accessToken ?? '';
    expect(h.sim.control.auth.authenticate(before)).toBeDefined();
    h.clock.advanceTo(T0 + 120_000);
    expect(h.sim.control.auth.authenticate(before)).toBeUndefined();
    await expect(h.call({ endpoint: ARIES_ENDPOINTS.usersMe })).resolves.toMatchObject({ id: 1 });
    expect(h.tokens.tokens?.accessToken).not.toBe(before);
  });

  it('answers 401 for an expired token and the client recovers by refreshing once', async () => {
    h = await startHarness();
    const before = h.tokens.tokens?.accessToken ?? '';
    h.sim.control.expireAllTokens();
    const raw = await request(`${h.sim.baseUrl}/v1/users/me`, { headers: { authorization: `Bearer ${before}` } });
    expect(raw.statusCode).toBe(401);
    expect(await raw.body.json()).toEqual({ error: 'unauthorized', message: 'Invalid or expired token' });
    await expect(h.call({ endpoint: ARIES_ENDPOINTS.usersMe })).resolves.toMatchObject({ id: 1 });
    expect(h.tokens.tokens?.accessToken).not.toBe(before);
  });
});
