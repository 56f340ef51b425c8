import { describe, expect, it } from 'vitest';
import { DEFAULT_LOGIN_PORT, mapCallbackError, planCallback } from '../../../src/aries/login/index.js';
import { SecretRegistry } from '../../../src/aries/auth/index.js';

describe('planCallback', () => {
  it('defaults to 127.0.0.1 on the fixed port 8765 at /callback', () => {
    expect(planCallback(undefined, undefined)).toEqual({ host: '127.0.0.1', port: DEFAULT_LOGIN_PORT, path: '/callback', redirectUri: undefined });
    expect(DEFAULT_LOGIN_PORT).toBe(8765);
  });

  it('takes host, port and path from a loopback redirect URI', () => {
    expect(planCallback('http://127.0.0.1:9000/oauth/done', undefined)).toMatchObject({ host: '127.0.0.1', port: 9000, path: '/oauth/done' });
    expect(planCallback('http://[::1]:9001/cb', undefined)).toMatchObject({ host: '::1', port: 9001, path: '/cb' });
  });

  it('refuses a --port that disagrees with the redirect URI and out-of-range ports', () => {
    expect(() => planCallback('http://127.0.0.1:9000/cb', 9001)).toThrow(/disagrees/);
    expect(() => planCallback(undefined, 70_000)).toThrow(/0-65535/);
  });
});

describe('mapCallbackError', () => {
  it('gives each documented error a distinct code and drops control characters from the description', () => {
    const secrets = new SecretRegistry();
    expect(mapCallbackError('invalid_scope', null, secrets).code).toBe('ARIES_ERR_AUTH_INVALID_SCOPE');
    expect(mapCallbackError('redirect_uri_mismatch', null, secrets).code).toBe('ARIES_ERR_AUTH_REDIRECT_URI_MISMATCH');
    const odd = mapCallbackError('weird\u001b[31m', 'line\nbreak', secrets);
    expect(odd.code).toBe('ARIES_ERR_LOGIN_CALLBACK');
    expect(odd.message).not.toMatch(/[\u0000-\u001f]/);
  });
});
