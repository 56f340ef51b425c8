import { statSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FileTokenStore } from '../../../src/aries/auth/index.js';
import { DEFAULT_LOGIN_SCOPES } from '../../../src/aries/login/index.js';
import type { FakeAuthServer } from './fake-auth-server.js';
import { browse } from './fake-auth-server.js';
import { CANARY, canConnect, startFakeServer, startLogin } from './harness.js';

let server: FakeAuthServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

describe('aries-runner login: the happy path', () => {
  it('exchanges the code with the PKCE verifier and writes a 0600 token file in a 0700 directory', async () => {
    server = await startFakeServer({ grantedScope: DEFAULT_LOGIN_SCOPES.join(' ') });
    const run = startLogin(server, {}, { now: () => 1_000_000 });
    const result = await run.result;
    const page = await run.page();
    expect(page.status).toBe(200);
    expect(page.body).toContain('You can close this tab');
    expect(server.tokenRequests).toHaveLength(1);
    expect(server.tokenRequests[0]?.verifierMatched).toBe(true);
    expect(statSync(run.tokenFile).mode & 0o777).toBe(0o600);
    expect(statSync(path.dirname(run.tokenFile)).mode & 0o777).toBe(0o700);
    const stored = await new FileTokenStore(run.tokenFile).load();
    expect(stored).toMatchObject({ accessToken: CANARY.accessToken, refreshToken: CANARY.refreshToken, expiresAt: 1_000_000 + 1_800_000 });
    expect(result.tokenFile).toBe(run.tokenFile);
    expect(result.grantedScopes).toEqual([...DEFAULT_LOGIN_SCOPES]);
    expect(run.out.text).toContain(run.tokenFile);
    expect(run.out.text).toContain(`Granted scopes: ${DEFAULT_LOGIN_SCOPES.join(' ')}`);
  });

  it('requests the six default scopes with S256 and a loopback redirect URI on the bound port', async () => {
    server = await startFakeServer();
    const run = startLogin(server);
    const result = await run.result;
    const params = server.authorizeRequests[0];
    expect(params?.get('scope')).toBe(DEFAULT_LOGIN_SCOPES.join(' '));
    expect(params?.get('code_challenge_method')).toBe('S256');
    expect(params?.get('redirect_uri')).toBe(`http://127.0.0.1:${run.address().port}/callback`);
    expect(result.redirectUri).toBe(params?.get('redirect_uri'));
    expect(run.out.text).toContain(run.authorizeUrl());
  });

  it('binds the listener to 127.0.0.1 only and closes it afterwards', async () => {
    server = await startFakeServer();
    const run = startLogin(server);
    await run.result;
    expect(run.address().address).toBe('127.0.0.1');
    expect(run.address().family).toBe('IPv4');
    expect(await canConnect(run.address().port)).toBe(false);
  });

  it('answers other paths with 404 and other methods with 405 without ending the login', async () => {
    server = await startFakeServer();
    const run = startLogin(server, {}, {}, async (url) => {
      const origin = new URL(new URL(url).searchParams.get('redirect_uri') ?? '').origin;
      const stray = await fetch(`${origin}/favicon.ico`);
      const other = await fetch(`${origin}/callback/extra?code=x&state=y`);
      const posted = await fetch(`${origin}/callback?code=x&state=y`, { method: 'POST' });
      expect([stray.status, other.status, posted.status]).toEqual([404, 404, 405]);
      return browse(url);
    });
    await run.result;
    expect((await run.page()).status).toBe(200);
    expect(existsSync(run.tokenFile)).toBe(true);
  });

  it('refuses a second callback with 400 while the first is being exchanged', async () => {
    let second: { status: number; body: string } | undefined;
    let callbackUrl = '';
    server = await startFakeServer({
      beforeTokenResponse: async () => {
        const res = await fetch(callbackUrl);
        second = { status: res.status, body: await res.text() };
      },
    });
    const run = startLogin(server, {}, {}, async (url) => {
      const first = await fetch(url, { redirect: 'manual' });
      callbackUrl = first.headers.get('location') ?? '';
      const res = await fetch(callbackUrl);
      return { status: res.status, body: await res.text() };
    });
    await run.result;
    expect(second?.status).toBe(400);
    expect(second?.body).toContain('already');
    expect(server.tokenRequests).toHaveLength(1);
  });

  it('warns when the server grants fewer scopes than requested', async () => {
    server = await startFakeServer({ grantedScope: 'account:information market:information' });
    const run = startLogin(server);
    const result = await run.result;
    expect(result.missingScopes).toEqual(['order:execution', 'order:information', 'calendar:information', 'position:information']);
    expect(run.err.text).toContain('not granted: order:execution');
    expect(readFileSync(run.tokenFile, 'utf8')).toContain('"scope":"account:information market:information"');
  });

  it('requests --scope values instead of the defaults and prints without opening a browser when asked', async () => {
    server = await startFakeServer();
    let opened = false;
    const run = startLogin(server, { scopes: ['market:information'], openBrowser: false }, {
      openBrowser: () => {
        opened = true;
      },
    });
    const url = await run.out.printedUrl();
    await browse(url);
    const result = await run.result;
    expect(opened).toBe(false);
    expect(server.authorizeRequests[0]?.get('scope')).toBe('market:information');
    expect(result.grantedScopes).toEqual(['market:information']);
  });
});
