import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MockAgent } from 'undici';
import { AriesClient } from '../../../../src/aries/client/index.js';
import { amountFromNumber, isRunnerError, toOrderId, toSymbol, type OrderIntent } from '../../../../src/core/index.js';
import { BASE, callCount, FakeTime, makeHttp, mockAgent, rejection } from '../rest/helpers.js';

const intent: OrderIntent = {
  id: toOrderId('O-000001'), symbol: toSymbol('YHOO'), side: 'BUY', qty: amountFromNumber(10), type: 'LIMIT', tif: 'DAY',
  limitPrice: amountFromNumber(35.5), tsCreated: 0,
};

describe('AriesClient (REST endpoints in core vocabulary)', () => {
  let agent: MockAgent;
  let client: AriesClient;

  beforeEach(() => {
    agent = mockAgent();
    client = new AriesClient(makeHttp(agent, new FakeTime()));
  });

  afterEach(async () => {
    await agent.close();
  });

  it('picks the trading account id, and refuses an account the login does not have', async () => {
    const pool = agent.get(BASE);
    const body = { accounts: [{ id: 1, trading_account_id: 'TA-1', broker_account_id: 'B-1' }] };
    pool.intercept({ path: '/v1/users/me/accounts', method: 'GET' }).reply(200, body).times(2);
    expect(await client.tradingAccountId()).toBe('TA-1');
    const error = await rejection(client.tradingAccountId('TA-9'));
    expect(isRunnerError(error, 'ARIES_ERR_NO_ACCOUNT')).toBe(true);
  });

  it('reads balances and positions as exact amounts', async () => {
    const pool = agent.get(BASE);
    pool.intercept({ path: '/v1/accounts/TA-1/balances', method: 'GET' })
      .reply(200, { accountId: 'TA-1', cashBalance: '1000.25', totalEquity: '1500.50', buyingPower: '2000.00' });
    pool.intercept({ path: '/v1/accounts/TA-1/positions', method: 'GET' })
      .reply(200, { positions: [{ symbol: 'YHOO', quantity: '-20', averagePrice: '35.10' }] });
    const balances = await client.balances('TA-1');
    expect(balances.cash).toBe(100_025_000_000n);
    const [position] = await client.positions('TA-1');
    expect(position?.qty).toBe(-2_000_000_000n);
    expect(position?.avgPrice).toBe(3_510_000_000n);
  });

  it('places an order with decimal strings and never retries a 500 (outcome unknown)', async () => {
    const pool = agent.get(BASE);
    let sent: unknown;
    pool.intercept({ path: '/v1/orders', method: 'POST', body: (b) => ((sent = JSON.parse(b)), true) }).reply(500, { error: 'internal_error', message: 'boom' });
    const error = await rejection(client.placeOrder('TA-1', intent));
    expect(isRunnerError(error, 'ARIES_ERR_OUTCOME_UNKNOWN')).toBe(true);
    expect(callCount(agent)).toBe(1);
    expect(sent).toEqual({ accountId: 'TA-1', symbol: 'YHOO', side: 'BUY', type: 'LIMIT', qty: '10', timeInForce: 'DAY', price: '35.5' });
  });

  it('maps chart history to bars and rejects a malformed body with ARIES_ERR_BAD_RESPONSE', async () => {
    const pool = agent.get(BASE);
    pool.intercept({ path: (p) => p.startsWith('/v1/chart/history') && p.includes('symbol=YHOO'), method: 'GET' })
      .reply(200, { s: 'ok', t: [1704205800], o: [10], h: [11], l: [9], c: [10.5], v: [100] });
    pool.intercept({ path: (p) => p.startsWith('/v1/chart/history') && p.includes('symbol=BAD'), method: 'GET' }).reply(200, { s: 'ok', t: 'nope' });
    const bars = await client.chartHistory('YHOO', '1', 1704205800000, 1704205860000);
    expect(bars).toEqual([{ kind: 'bar', symbol: 'YHOO', ts: 1704205800000, tsEnd: 1704205860000, open: 10, high: 11, low: 9, close: 10.5, volume: 100 }]);
    const error = await rejection(client.chartHistory('BAD', '1', 0, 60_000));
    expect(isRunnerError(error, 'ARIES_ERR_BAD_RESPONSE')).toBe(true);
  });
});
