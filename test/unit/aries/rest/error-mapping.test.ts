import { afterEach, describe, expect, it } from 'vitest';
import { ARIES_ENDPOINTS, summarizeErrorBody } from '../../../../src/aries/rest/index.js';
import { RetryClass, RunnerError } from '../../../../src/core/index.js';
import { BASE, FakeTime, TOKEN, callCount, makeHttp, mockAgent, rejection } from './helpers.js';

const agent = mockAgent();
afterEach(() => agent.getCallHistory()?.clear());

describe('summarizeErrorBody', () => {
  it.each([
    ['{"error":"bad_request","message":"Invalid request parameters"}', { error: 'bad_request', message: 'Invalid request parameters' }],
    ['{"error":"invalid_grant","error_description":"expired"}', { error: 'invalid_grant', message: 'expired' }],
    ['{"message":"nope"}', { message: 'nope' }],
    ['<html>\n Bad   Gateway </html>', { message: '<html> Bad Gateway </html>' }],
    ['', {}],
    ['[1,2]', {}],
    ['{"error":42}', {}],
  ])('reads %s', (text, expected) => {
    expect(summarizeErrorBody(text)).toEqual(expected);
  });

  it('clips long text', () => {
    expect(summarizeErrorBody('x'.repeat(500)).message?.length).toBeLessThan(210);
  });
});

describe('AriesHttp error mapping (GET, no retries)', () => {
  it.each([
    [400, '{"error":"bad_request","message":"Invalid request parameters"}', 'ARIES_ERR_BAD_REQUEST', RetryClass.NON_RETRYABLE, 'bad_request: Invalid request parameters'],
    [401, '{"error":"unauthorized","message":"Invalid or expired token"}', 'ARIES_ERR_UNAUTHORIZED', RetryClass.NON_RETRYABLE, 'unauthorized'],
    [403, '{"error":"forbidden","error_description":"scope"}', 'ARIES_ERR_FORBIDDEN', RetryClass.NON_RETRYABLE, 'forbidden: scope'],
    [404, '{"message":"no such account"}', 'ARIES_ERR_NOT_FOUND', RetryClass.NON_RETRYABLE, 'no such account'],
    [409, 'conflict', 'ARIES_ERR_BAD_REQUEST', RetryClass.NON_RETRYABLE, 'conflict'],
    [429, '{"error":"rate_limited","message":"slow down"}', 'ARIES_ERR_RATE_LIMITED', RetryClass.RETRYABLE, 'rate_limited'],
    [500, '{"error":"internal_error","message":"boom"}', 'ARIES_ERR_SERVER', RetryClass.RETRYABLE, 'internal_error: boom'],
    [503, '<html>unavailable</html>', 'ARIES_ERR_SERVER', RetryClass.RETRYABLE, 'unavailable'],
  ])('HTTP %i → code, retry class, message', async (status, body, code, retry, fragment) => {
    agent.get(BASE).intercept({ path: '/v1/accounts/A1/balances', method: 'GET' }).reply(status, body);
    const http = makeHttp(agent, new FakeTime(), { retry: { maxAttempts: 1 } });
    const err = await rejection(http.request({ endpoint: ARIES_ENDPOINTS.balances, params: { id: 'A1' } }));
    expect(err).toBeInstanceOf(RunnerError);
    const e = err as RunnerError;
    expect([e.code, e.retry]).toEqual([code, retry]);
    expect(e.message).toContain(`GET /v1/accounts/A1/balances`);
    expect(e.message).toContain(`HTTP ${status}`);
    expect(e.message).toContain(fragment);
    expect(callCount(agent)).toBe(1);
  });

  it('never puts the token into a message, even when the server echoes it', async () => {
    agent.get(BASE).intercept({ path: '/v1/users/me', method: 'GET' }).reply(400, { error: 'bad_request', message: `bad token Bearer ${TOKEN}` });
    const err = (await rejection(makeHttp(agent, new FakeTime()).request({ endpoint: ARIES_ENDPOINTS.usersMe }))) as RunnerError;
    expect(err.message).not.toContain(TOKEN);
    expect(err.message).toContain('[redacted]');
    expect(JSON.stringify(err)).not.toContain(TOKEN);
  });

  it('maps a 2xx body that is not JSON to ARIES_ERR_BAD_RESPONSE', async () => {
    agent.get(BASE).intercept({ path: '/v1/users/me', method: 'GET' }).reply(200, 'not json');
    const err = (await rejection(makeHttp(agent, new FakeTime()).request({ endpoint: ARIES_ENDPOINTS.usersMe }))) as RunnerError;
    expect(err.code).toBe('ARIES_ERR_BAD_RESPONSE');
  });

  it('wraps a parse failure of requestJson as ARIES_ERR_BAD_RESPONSE', async () => {
    agent.get(BASE).intercept({ path: '/v1/users/me', method: 'GET' }).reply(200, { id: 'x' });
    const http = makeHttp(agent, new FakeTime());
    const parse = (): never => {
      throw new Error('id must be a number');
    };
    const err = (await rejection(http.requestJson({ endpoint: ARIES_ENDPOINTS.usersMe }, parse))) as RunnerError;
    expect([err.code, err.message.includes('id must be a number')]).toEqual(['ARIES_ERR_BAD_RESPONSE', true]);
  });
});
