import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import {
  AuthErrorCode, buildAuthorizeUrl, checkRedirectUri, createOAuthState, createPkcePair,
} from '../../../../src/aries/auth/index.js';
import { isRunnerError } from '../../../../src/core/index.js';

function refusal(uri: string): unknown {
  try {
    checkRedirectUri(uri);
  } catch (error: unknown) {
    return error;
  }
  return undefined;
}

describe('checkRedirectUri (T-18)', () => {
  it.each([
    'https://example.com/callback',
    'https://example.com:8443/cb/',
    'http://127.0.0.1:53682/callback',
    'http://[::1]:53682/callback',
  ])('accepts %s', (uri) => {
    expect(checkRedirectUri(uri)).toBe(uri);
  });

  it.each([
    ['http://localhost:53682/callback', 'localhost can resolve off-host'],
    ['http://example.com/callback', 'plain http to a remote host'],
    ['http://127.0.0.2:53682/callback', 'another loopback address'],
    ['http://127.0.0.1/callback', 'loopback without a port'],
    ['http://0.0.0.0:8080/callback', 'any-address'],
    ['http://[::ffff:127.0.0.1]:8080/cb', 'mapped IPv4'],
    ['ftp://example.com/cb', 'another scheme'],
    ['myapp://callback', 'a custom scheme'],
    ['https://example.com/cb#frag', 'a fragment'],
    ['https://user:pw@example.com/cb', 'user info'],
    ['/callback', 'a relative URI'],
  ])('refuses %s (%s)', (uri) => {
    expect(isRunnerError(refusal(uri), AuthErrorCode.REDIRECT_URI)).toBe(true);
  });
});

describe('PKCE and state', () => {
  it('makes a 43-char verifier whose S256 challenge matches, and distinct states', async () => {
    const pair = await createPkcePair();
    expect(pair.codeVerifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(pair.codeChallenge).toBe(createHash('sha256').update(pair.codeVerifier).digest('base64url'));
    expect(pair.codeChallengeMethod).toBe('S256');
    const states = new Set([createOAuthState(), createOAuthState(), createOAuthState()]);
    expect(states.size).toBe(3);
    expect([...states][0]).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});

describe('buildAuthorizeUrl', () => {
  const base = {
    clientId: 'client-1', redirectUri: 'http://127.0.0.1:5000/callback', scopes: ['account:information', 'order:execution'],
    state: 'st', codeChallenge: 'ch',
  };

  it('always asks for response_type=code with S256 and space-separated scopes', () => {
    const url = new URL(buildAuthorizeUrl(base));
    expect(url.origin + url.pathname).toBe('https://app.aries.com/oauth2/authorize');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code', client_id: 'client-1', redirect_uri: 'http://127.0.0.1:5000/callback',
      scope: 'account:information order:execution', state: 'st', code_challenge: 'ch', code_challenge_method: 'S256',
    });
  });

  it('refuses a bad redirect URI and unknown or missing scopes', () => {
    expect(() => buildAuthorizeUrl({ ...base, redirectUri: 'http://localhost:5000/cb' })).toThrow(/redirect URI/);
    expect(() => buildAuthorizeUrl({ ...base, scopes: ['read'] })).toThrow(/unknown scope "read"/);
    expect(() => buildAuthorizeUrl({ ...base, scopes: [] })).toThrow(/at least one scope/);
  });
});
