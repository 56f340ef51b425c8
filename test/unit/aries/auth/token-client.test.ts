import { describe, expect, it } from 'vitest';
import { MockAgent } from 'undici';
import { AuthErrorCode, SecretRegistry, TokenClient, mapOAuthError } from '../../../../src/aries/auth/index.js';
import { RetryClass, isRunnerError } from '../../../../src/core/index.js';
import type { RunnerError } from '../../../../src/core/index.js';
import { BASE_URL, fakeTokenEndpoint } from './helpers.js';

const OK = { access_token: 'at-1', token_type: 'Bearer', expires_in: 3600, refresh_token: 'rt-1', refresh_token_expires_in: 2592000, scope: 'account:information' };

function client(agent: MockAgent, secrets = new SecretRegistry(), clientSecret: string | null = 'sec'): TokenClient {
  return new TokenClient({ clientId: 'cid', baseUrl: BASE_URL, dispatcher: agent, secrets, ...(clientSecret === null ? {} : { clientSecret }) });
}

async function rejection(promise: Promise<unknown>): Promise<RunnerError> {
  try {
    await promise;
  } catch (error: unknown) {
    if (isRunnerError(error)) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}

describe('TokenClient', () => {
  it('exchanges a code with the verifier as JSON and without the client secret', async () => {
    const endpoint = fakeTokenEndpoint(() => ({ status: 200, json: OK }));
    const tokens = await client(endpoint.agent).exchangeCode({ code: 'c1', codeVerifier: 'v1', redirectUri: 'http://127.0.0.1:9/cb' });
    expect(endpoint.bodies).toEqual([
      { grant_type: 'authorization_code', client_id: 'cid', code: 'c1', code_verifier: 'v1', redirect_uri: 'http://127.0.0.1:9/cb' },
    ]);
    expect(tokens).toEqual({
      accessToken: 'at-1', tokenType: 'Bearer', expiresInSec: 3600, refreshToken: 'rt-1', refreshTokenExpiresInSec: 2592000, scope: 'account:information',
    });
  });

  it('refreshes with client_secret and registers every secret it handles', async () => {
    const secrets = new SecretRegistry();
    const endpoint = fakeTokenEndpoint(() => ({ status: 200, json: { access_token: 'at-2', expires_in: 60 } }));
    const tokens = await client(endpoint.agent, secrets).refresh('rt-old');
    expect(endpoint.bodies).toEqual([{ grant_type: 'refresh_token', client_id: 'cid', client_secret: 'sec', refresh_token: 'rt-old' }]);
    expect(tokens.refreshToken).toBeUndefined();
    for (const s of ['sec', 'rt-old', 'at-2']) expect(secrets.containsSecret(`x${s}x`)).toBe(true);
  });

  it('refuses to refresh without a client secret, before any request', async () => {
    const endpoint = fakeTokenEndpoint(() => ({ status: 200, json: OK }));
    const error = await rejection(client(endpoint.agent, new SecretRegistry(), null).refresh('rt'));
    expect(error.code).toBe(AuthErrorCode.CLIENT_CREDENTIALS);
    expect(endpoint.bodies).toHaveLength(0);
  });

  it.each([
    ['invalid_grant', 400, AuthErrorCode.INVALID_GRANT, /log in again with `aries-runner login`/, RetryClass.FATAL],
    ['invalid_client', 401, AuthErrorCode.INVALID_CLIENT, /ARIES_CLIENT_ID and ARIES_CLIENT_SECRET/, RetryClass.FATAL],
    ['invalid_scope', 400, AuthErrorCode.INVALID_SCOPE, /scope is not enabled/, RetryClass.NON_RETRYABLE],
    ['redirect_uri_mismatch', 400, AuthErrorCode.REDIRECT_URI_MISMATCH, /exactly match/, RetryClass.NON_RETRYABLE],
    ['access_denied', 400, AuthErrorCode.ACCESS_DENIED, /denied/, RetryClass.NON_RETRYABLE],
    ['invalid_request', 400, AuthErrorCode.INVALID_REQUEST, /malformed/, RetryClass.NON_RETRYABLE],
    ['unsupported_grant_type', 400, AuthErrorCode.UNSUPPORTED_GRANT_TYPE, /grant type/, RetryClass.NON_RETRYABLE],
  ])('maps %s to its own code with advice', async (oauthError, status, code, advice, retry) => {
    const endpoint = fakeTokenEndpoint(() => ({ status, json: { error: oauthError, error_description: 'nope' } }));
    const error = await rejection(client(endpoint.agent).refresh('rt'));
    expect(error.code).toBe(code);
    expect(error.retry).toBe(retry);
    expect(error.message).toMatch(advice);
    expect(error.message).toContain('(server said: nope)');
  });

  it('treats 5xx and 429 as retryable server errors and unknown 4xx as failures', async () => {
    expect(mapOAuthError(503, undefined).code).toBe(AuthErrorCode.SERVER);
    expect(mapOAuthError(429, { message: 'slow down' }).retry).toBe(RetryClass.RETRYABLE);
    const odd = mapOAuthError(418, { error: 'teapot' });
    expect([odd.code, odd.message]).toEqual([AuthErrorCode.FAILED, 'Aries token endpoint failed (HTTP 418) "teapot"']);
  });

  it('scrubs a held secret echoed in error_description', async () => {
    const endpoint = fakeTokenEndpoint(() => ({ status: 400, json: { error: 'invalid_grant', error_description: 'token rt-echo is revoked' } }));
    const error = await rejection(client(endpoint.agent).refresh('rt-echo'));
    expect(error.message).not.toContain('rt-echo');
    expect(error.message).toContain('[REDACTED]');
  });

  it('rejects a 200 body that is not JSON or lacks access_token, without quoting it', async () => {
    const agent = new MockAgent();
    agent.disableNetConnect();
    agent.get(BASE_URL).intercept({ path: '/v1/oauth2/token', method: 'POST' }).reply(200, 'refresh_token=leak');
    const notJson = await rejection(client(agent).refresh('rt'));
    expect([notJson.code, notJson.message.includes('leak')]).toEqual([AuthErrorCode.BAD_RESPONSE, false]);
    const endpoint = fakeTokenEndpoint(() => ({ status: 200, json: { refresh_token: 'leak2', token_type: 'Bearer' } }));
    const missing = await rejection(client(endpoint.agent).refresh('rt'));
    expect(missing.message).toBe('token endpoint returned an unexpected body: bad field(s) access_token');
  });

  it('refuses a non-Bearer token type', async () => {
    const endpoint = fakeTokenEndpoint(() => ({ status: 200, json: { access_token: 'a', token_type: 'mac' } }));
    expect((await rejection(client(endpoint.agent).refresh('rt'))).code).toBe(AuthErrorCode.BAD_RESPONSE);
  });

  it('reports an unreachable endpoint as a retryable network error', async () => {
    const agent = new MockAgent();
    agent.disableNetConnect();
    const error = await rejection(client(agent).refresh('rt-net'));
    expect([error.code, error.retry]).toEqual([AuthErrorCode.NETWORK, RetryClass.RETRYABLE]);
    expect(error.message).not.toContain('rt-net');
  });
});
