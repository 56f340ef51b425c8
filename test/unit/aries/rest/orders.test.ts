import { describe, expect, it } from 'vitest';
import { ARIES_ENDPOINTS } from '../../../../src/aries/rest/index.js';
import { RetryClass, type RunnerError } from '../../../../src/core/index.js';
import { BASE, FakeTime, callCount, makeHttp, mockAgent, rejection } from './helpers.js';

const ORDER = { accountId: 'A1', symbol: 'AAPL', side: 'BUY', type: 'MARKET', qty: '10', timeInForce: 'DAY' };
const PLACE = { endpoint: ARIES_ENDPOINTS.placeOrder, body: ORDER };

async function placeAgainst(reply: (pool: ReturnType<ReturnType<typeof mockAgent>['get']>) => void): Promise<{ err: RunnerError; calls: number; sleeps: number[] }> {
  const agent = mockAgent();
  reply(agent.get(BASE));
  const time = new FakeTime();
  const err = (await rejection(makeHttp(agent, time).request(PLACE))) as RunnerError;
  return { err, calls: callCount(agent), sleeps: time.sleeps };
}

describe('AriesHttp order placement is never retried', () => {
  it('a 500 is ARIES_ERR_OUTCOME_UNKNOWN after exactly 1 request', async () => {
    const { err, calls, sleeps } = await placeAgainst((pool) => {
      pool.intercept({ path: '/v1/orders', method: 'POST' }).reply(500, { error: 'internal_error', message: 'x' }).persist();
    });
    expect([err.code, err.retry, calls, sleeps]).toEqual(['ARIES_ERR_OUTCOME_UNKNOWN', RetryClass.NON_RETRYABLE, 1, []]);
    expect(err.message).toContain('POST /v1/orders');
    expect(err.message).toContain('HTTP 500');
  });

  it('a destroyed socket is ARIES_ERR_OUTCOME_UNKNOWN after exactly 1 request', async () => {
    const { err, calls } = await placeAgainst((pool) => {
      pool.intercept({ path: '/v1/orders', method: 'POST' }).replyWithError(Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' })).persist();
    });
    expect([err.code, calls]).toEqual(['ARIES_ERR_OUTCOME_UNKNOWN', 1]);
  });

  it('a refused connection is a plain network error: the order cannot have been sent', async () => {
    const { err, calls } = await placeAgainst((pool) => {
      pool.intercept({ path: '/v1/orders', method: 'POST' }).replyWithError(Object.assign(new Error('connect refused'), { code: 'ECONNREFUSED' })).persist();
    });
    expect([err.code, err.retry, calls]).toEqual(['ARIES_ERR_NETWORK', RetryClass.RETRYABLE, 1]);
  });

  it('a 400 is a definite rejection', async () => {
    const { err, calls } = await placeAgainst((pool) => {
      pool.intercept({ path: '/v1/orders', method: 'POST' }).reply(400, { error: 'bad_request', message: 'qty required' }).persist();
    });
    expect([err.code, err.retry, calls]).toEqual(['ARIES_ERR_BAD_REQUEST', RetryClass.NON_RETRYABLE, 1]);
  });

  it('a 429 with Retry-After is not retried either', async () => {
    const { err, calls, sleeps } = await placeAgainst((pool) => {
      pool.intercept({ path: '/v1/orders', method: 'POST' }).reply(429, '', { headers: { 'retry-after': '1' } }).persist();
    });
    expect([err.code, calls, sleeps]).toEqual(['ARIES_ERR_RATE_LIMITED', 1, []]);
  });

  it('a success returns the acknowledgement', async () => {
    const agent = mockAgent();
    agent.get(BASE).intercept({ path: '/v1/orders', method: 'POST' }).reply(200, { success: true, clOrdId: 'C1' });
    const ack = await makeHttp(agent, new FakeTime()).requestJson(PLACE, (body) => body as { clOrdId: string });
    expect(ack.clOrdId).toBe('C1');
  });

  it('an unreadable 200 on place is ARIES_ERR_OUTCOME_UNKNOWN', async () => {
    const { err } = await placeAgainst((pool) => {
      pool.intercept({ path: '/v1/orders', method: 'POST' }).reply(200, '<html>');
    });
    expect(err.code).toBe('ARIES_ERR_OUTCOME_UNKNOWN');
  });

  it('cancel and replace failures after sending are outcome-unknown too, with 1 request', async () => {
    for (const endpoint of [ARIES_ENDPOINTS.cancelOrder, ARIES_ENDPOINTS.replaceOrder]) {
      const agent = mockAgent();
      agent.get(BASE).intercept({ path: endpoint.path, method: 'POST' }).reply(502, 'bad gateway').persist();
      const err = (await rejection(makeHttp(agent, new FakeTime()).request({ endpoint, body: { origClOrdId: 'C1' } }))) as RunnerError;
      expect([err.code, callCount(agent)]).toEqual(['ARIES_ERR_OUTCOME_UNKNOWN', 1]);
    }
  });
});

describe('AriesHttp order preview', () => {
  it('retries a 429 with Retry-After', async () => {
    const agent = mockAgent();
    const pool = agent.get(BASE);
    pool.intercept({ path: '/v1/orders/preview', method: 'POST' }).reply(429, '', { headers: { 'retry-after': '3' } });
    pool.intercept({ path: '/v1/orders/preview', method: 'POST' }).reply(200, { fees: '0' });
    const time = new FakeTime();
    const res = await makeHttp(agent, time).request({ endpoint: ARIES_ENDPOINTS.previewOrder, body: ORDER });
    expect([res.body, time.sleeps, callCount(agent)]).toEqual([{ fees: '0' }, [3000], 2]);
  });

  it('does not retry a 429 without Retry-After, nor a 500', async () => {
    for (const [status, code] of [[429, 'ARIES_ERR_RATE_LIMITED'], [500, 'ARIES_ERR_SERVER']] as const) {
      const agent = mockAgent();
      agent.get(BASE).intercept({ path: '/v1/orders/preview', method: 'POST' }).reply(status, '').persist();
      const err = (await rejection(makeHttp(agent, new FakeTime()).request({ endpoint: ARIES_ENDPOINTS.previewOrder, body: ORDER }))) as RunnerError;
      expect([err.code, callCount(agent)]).toEqual([code, 1]);
    }
  });
});
