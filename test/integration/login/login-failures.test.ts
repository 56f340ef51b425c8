import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { FakeAuthServer } from './fake-auth-server.js';
import { browse } from './fake-auth-server.js';
import { canConnect, startFakeServer, startLogin } from './harness.js';

let server: FakeAuthServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

describe('aries-runner login: refused callbacks', () => {
  it('refuses a callback whose state does not match, stores nothing and never calls the token endpoint', async () => {
    server = await startFakeServer({ behaviour: { kind: 'wrong-state' } });
    const run = startLogin(server);
    await expect(run.result).rejects.toMatchObject({ code: 'ARIES_ERR_LOGIN_STATE', message: expect.stringContaining('state does not match') });
    const page = await run.page();
    expect(page.status).toBe(400);
    expect(page.body).toContain('Login failed');
    expect(server.tokenRequests).toHaveLength(0);
    expect(existsSync(run.tokenFile)).toBe(false);
    expect(await canConnect(run.address().port)).toBe(false);
  });

  it('refuses a callback without state', async () => {
    server = await startFakeServer();
    const run = startLogin(server, {}, {}, async (url) => {
      const origin = new URL(new URL(url).searchParams.get('redirect_uri') ?? '').origin;
      const res = await fetch(`${origin}/callback?code=abc`);
      return { status: res.status, body: await res.text() };
    });
    await expect(run.result).rejects.toMatchObject({ code: 'ARIES_ERR_LOGIN_STATE', message: expect.stringContaining('no state') });
    expect((await run.page()).status).toBe(400);
    expect(existsSync(run.tokenFile)).toBe(false);
  });

  it('turns error=access_denied into an actionable message and stores nothing', async () => {
    server = await startFakeServer({ behaviour: { kind: 'deny', description: 'The user cancelled' } });
    const run = startLogin(server);
    await expect(run.result).rejects.toMatchObject({
      code: 'ARIES_ERR_AUTH_ACCESS_DENIED',
      message: expect.stringMatching(/access_denied.*approve the requested scopes.*The user cancelled/),
    });
    expect((await run.page()).status).toBe(400);
    expect(server.tokenRequests).toHaveLength(0);
    expect(existsSync(run.tokenFile)).toBe(false);
  });

  it('passes the token endpoint\'s invalid_grant through as a log-in-again error and stores nothing', async () => {
    server = await startFakeServer({ acceptedCode: 'some-other-code' });
    const run = startLogin(server);
    await expect(run.result).rejects.toMatchObject({ code: 'ARIES_ERR_AUTH_INVALID_GRANT', message: expect.stringContaining('log in again') });
    expect(existsSync(run.tokenFile)).toBe(false);
  });

  it('times out cleanly and closes the port', async () => {
    server = await startFakeServer();
    const run = startLogin(server, { timeoutMs: 30 }, { openBrowser: () => undefined });
    await expect(run.result).rejects.toMatchObject({ code: 'ARIES_ERR_LOGIN_TIMEOUT', message: expect.stringContaining('no login callback') });
    expect(await canConnect(run.address().port)).toBe(false);
    expect(existsSync(run.tokenFile)).toBe(false);
  });

  it('needs a client id from the environment', async () => {
    server = await startFakeServer();
    const run = startLogin(server, { env: {} });
    await expect(run.result).rejects.toMatchObject({ code: 'ARIES_ERR_CLIENT_CREDENTIALS', message: expect.stringContaining('ARIES_CLIENT_ID') });
  });

  it('takes the client id from the config when the environment has none', async () => {
    server = await startFakeServer();
    const run = startLogin(server, { env: {}, config: { clientId: 'config-client' } });
    await run.result;
    expect(server.authorizeRequests[0]?.get('client_id')).toBe('config-client');
  });
});

describe('aries-runner login: redirect URI policy', () => {
  it.each([
    ['http://example.com/cb', 'ARIES_ERR_REDIRECT_URI'],
    ['http://localhost:8765/callback', 'ARIES_ERR_REDIRECT_URI'],
    ['myapp://callback', 'ARIES_ERR_REDIRECT_URI'],
    ['http://127.0.0.1:0/callback', 'ARIES_ERR_LOGIN_OPTIONS'],
  ])('refuses %s before listening', async (redirectUri, code) => {
    server = await startFakeServer();
    const run = startLogin(server, { redirectUri });
    await expect(run.result).rejects.toMatchObject({ code });
    expect(() => run.address()).toThrow('listener never started');
    expect(server.authorizeRequests).toHaveLength(0);
  });

  it('refuses a plain-http token endpoint that is not loopback', async () => {
    server = await startFakeServer();
    const run = startLogin(server, { apiUrl: 'http://api.example.com' });
    await expect(run.result).rejects.toMatchObject({ code: 'ARIES_ERR_LOGIN_OPTIONS', message: expect.stringContaining('api URL') });
  });

  it('allows an https redirect URI, serving its path on 127.0.0.1 behind a proxy', async () => {
    server = await startFakeServer();
    const redirectUri = 'https://login.example.test/aries/cb';
    let origin = '';
    const run = startLogin(server, { redirectUri }, {
      onListening: (a) => {
        origin = `http://127.0.0.1:${a.port}`;
      },
    }, (url) => browse(url, origin));
    const result = await run.result;
    expect(result.redirectUri).toBe(redirectUri);
    expect(server.authorizeRequests[0]?.get('redirect_uri')).toBe(redirectUri);
    expect(server.tokenRequests[0]?.body['redirect_uri']).toBe(redirectUri);
    expect((await run.page()).status).toBe(200);
  });
});
