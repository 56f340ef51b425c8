import { filter, firstValueFrom, type Observable } from 'rxjs';
import type { MockAgent } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AriesAccountStream, AriesClient } from '../../../../src/aries/client/index.js';
import { AriesExecution } from '../../../../src/aries/execution/index.js';
import type { AriesOrderRecord } from '../../../../src/aries/wire/index.js';
import { amountFromNumber, isRunnerError, toOrderId, toSymbol, type OrderEvent, type OrderIntent } from '../../../../src/core/index.js';
import type { VenueOrderCandidate } from '../../../../src/execution/index.js';
import { BASE, callCount, FakeTime, makeHttp, mockAgent, rejection } from '../rest/helpers.js';
import { makeSocket, type Harness } from '../ws/helpers.js';
import { TestAriesServer } from '../ws/test-server.js';

const T0 = Date.UTC(2024, 0, 2, 15, 0);
const intent: OrderIntent = {
  id: toOrderId('O-1'), symbol: toSymbol('YHOO'), side: 'BUY', qty: amountFromNumber(10), type: 'LIMIT', tif: 'DAY', limitPrice: amountFromNumber(35.5), tsCreated: T0,
};

function wireOrder(clOrdId: string, ordStatus: string, cumQty: string, avgPrice: string, createdAt = '2024-01-02T15:00:01Z'): Record<string, string> {
  return { clOrdId, accountId: 'TA-1', symbol: 'YHOO', side: 'BUY', type: 'LIMIT', timeInForce: 'DAY', qty: '10', price: '35.5', ordStatus, cumQty, avgPrice, createdAt };
}

function next(events$: Observable<OrderEvent>, type: OrderEvent['type']): Promise<OrderEvent> {
  return firstValueFrom(events$.pipe(filter((e) => e.type === type)));
}

// Compile-time check: the Aries record is a venue snapshot and an unknown-order candidate.
const compatible = (r: AriesOrderRecord): VenueOrderCandidate => r;

describe('AriesExecution (REST on MockAgent, account socket on a real ws server)', () => {
  let agent: MockAgent;
  let server: TestAriesServer;
  let h: Harness;
  let exec: AriesExecution;
  let journaled: string[];

  beforeEach(async () => {
    agent = mockAgent();
    server = await TestAriesServer.start();
    h = makeSocket(server.url);
    journaled = [];
    const stream = new AriesAccountStream(h.socket, h.logger);
    exec = new AriesExecution({
      client: new AriesClient(makeHttp(agent, new FakeTime())), stream, accountId: 'TA-1', socket: h.socket, now: () => T0 + 2_000,
      beforeSend: (i) => { journaled.push(i.id); },
    });
  });

  afterEach(async () => {
    await exec.disconnect();
    await server.close();
    await agent.close();
  });

  async function connect(orders: readonly Record<string, string>[] = []): Promise<void> {
    const connecting = exec.connect();
    await server.waitFor(() => server.received(1, 'subscribe').length === 1);
    server.sendEvent({ action: 'snapshot', data: { orders, positions: [{ symbol: 'YHOO', quantity: '5', averagePrice: '30' }] } });
    await connecting;
  }

  it('refuses to place before the account subscription, and subscribes before the first POST', async () => {
    expect(compatible).toBeTypeOf('function');
    const early = await rejection(exec.submit(intent));
    expect(isRunnerError(early, 'ARIES_ERR_NOT_CONNECTED')).toBe(true);
    expect(callCount(agent)).toBe(0);
    let subscribedAtPost = -1;
    agent.get(BASE).intercept({ path: '/v1/orders', method: 'POST', body: () => ((subscribedAtPost = server.received(1, 'subscribe').length), true) })
      .reply(200, { success: true, clOrdId: 'C-1', status: 'NEW' });
    await connect();
    expect(exec.account().positions[0]?.qty).toBe(amountFromNumber(5));
    await exec.submit(intent);
    expect(subscribedAtPost).toBe(1);
    expect(server.received(1, 'subscribe')[0]?.['payload']).toEqual({ topic: 'account', params: { accountId: 'TA-1' } });
  });

  it('journals, places, and turns the ack and the socket fill into core events', async () => {
    const events: OrderEvent[] = [];
    exec.events$.subscribe((e) => events.push(e));
    agent.get(BASE).intercept({ path: '/v1/orders', method: 'POST' }).reply(200, { success: true, clOrdId: 'C-1', status: 'NEW' });
    await connect();
    expect(await exec.submit(intent)).toEqual({ kind: 'submitted' });
    expect(journaled).toEqual(['O-1']);
    expect(exec.openOrders()).toMatchObject([{ id: 'O-1', status: 'NEW', venueOrderId: 'C-1' }]);
    const filled = next(exec.events$, 'OrderFilled');
    server.sendEvent({ action: 'update', type: 'account.order', data: wireOrder('C-1', 'PARTIALLY_FILLED', '4', '35.4') });
    server.sendEvent({ action: 'update', type: 'account.order', data: wireOrder('C-1', 'PARTIALLY_FILLED', '4', '35.4') });
    expect(await filled).toMatchObject({ fill: { execId: 'C-1:4', qty: amountFromNumber(4), price: amountFromNumber(35.4) }, status: 'PARTIALLY_FILLED' });
    const done = next(exec.events$, 'OrderFilled');
    server.sendEvent({ action: 'update', type: 'account.order', data: wireOrder('C-1', 'FILLED', '10', '35.46') });
    // (10 × 35.46 − 4 × 35.4) / 6 = 35.5
    expect(await done).toMatchObject({ fill: { execId: 'C-1:10', qty: amountFromNumber(6), price: amountFromNumber(35.5) }, status: 'FILLED' });
    expect(events.map((e) => e.type)).toEqual(['OrderAccepted', 'OrderFilled', 'OrderFilled']);
    expect(exec.openOrders()).toEqual([]);
  });

  it('returns unknown on a 500, sends exactly one POST, and resolves the order by listing, not resending (T-1)', async () => {
    const pool = agent.get(BASE);
    pool.intercept({ path: '/v1/orders', method: 'POST' }).reply(500, { error: 'internal_error', message: 'boom' });
    await connect();
    const outcome = await exec.submit(intent);
    expect(outcome.kind).toBe('unknown');
    expect(callCount(agent)).toBe(1);
    expect(journaled).toEqual(['O-1']);
    pool.intercept({ path: (p) => p.startsWith('/v2/accounts/TA-1/orders?'), method: 'GET' })
      .reply(200, { orders: [wireOrder('C-7', 'NEW', '0', '0'), wireOrder('OLD-1', 'NEW', '0', '0', '2024-01-02T13:00:00Z')], nextCursor: 0 });
    pool.intercept({ path: (p) => p.startsWith('/v2/accounts/TA-1/orders/history'), method: 'GET' }).reply(200, { orders: [], nextCursor: 0 });
    const accepted = next(exec.events$, 'OrderAccepted');
    const match = await exec.resolveUnknown(intent);
    expect(match.kind === 'found' && match.candidate.venueOrderId).toBe('C-7');
    expect(await accepted).toMatchObject({ orderId: 'O-1', venueOrderId: 'C-7' });
    const calls = agent.getCallHistory()?.calls() ?? [];
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1);
  });

  it('emits OrderRejected for a definite refusal (400) without an unknown outcome', async () => {
    agent.get(BASE).intercept({ path: '/v1/orders', method: 'POST' }).reply(400, { error: 'bad_request', message: 'insufficient buying power' });
    await connect();
    const rejected = next(exec.events$, 'OrderRejected');
    expect(await exec.submit(intent)).toEqual({ kind: 'submitted' });
    expect(await rejected).toMatchObject({ orderId: 'O-1', reason: expect.stringContaining('ARIES_ERR_BAD_REQUEST') });
    expect(callCount(agent)).toBe(1);
  });

  it('maps a preview to the gate preview and replaces under a new clOrdId', async () => {
    const pool = agent.get(BASE);
    pool.intercept({ path: '/v1/orders/preview', method: 'POST' }).reply(200, { estimatedCost: '355', commission: '1', fees: '0.5', buyingPowerImpact: '356.5' });
    pool.intercept({ path: '/v1/orders/preview', method: 'POST' }).reply(200, { errors: ['market closed'] });
    pool.intercept({ path: '/v1/orders', method: 'POST' }).reply(200, { success: true, clOrdId: 'C-1', status: 'NEW' });
    let replaceBody: unknown;
    pool.intercept({ path: '/v1/orders/replace', method: 'POST', body: (b) => ((replaceBody = JSON.parse(b)), true) })
      .reply(200, { success: true, clOrdId: 'C-2', origClOrdId: 'C-1', status: 'REPLACED', qty: '12' });
    await connect();
    expect(await exec.preview(intent)).toEqual({ ok: true, estimatedCost: amountFromNumber(355), commission: amountFromNumber(1.5), buyingPowerImpact: amountFromNumber(356.5) });
    expect(await exec.preview(intent)).toEqual({ ok: false, reason: 'market closed' });
    await exec.submit(intent);
    await exec.replace(intent.id, { qty: amountFromNumber(12) });
    expect(replaceBody).toEqual({ accountId: 'TA-1', symbol: 'YHOO', origClOrdId: 'C-1', qty: '12' });
    expect(exec.openOrders()).toMatchObject([{ id: 'O-1', venueOrderId: 'C-2', intent: { qty: amountFromNumber(12) } }]);
  });

  it('reports an order from the snapshot that the runner did not place as external, and reconciles over REST', async () => {
    const issues: string[] = [];
    exec.issues$.subscribe((i) => issues.push(i.kind));
    await connect([wireOrder('WEB-1', 'NEW', '0', '0')]);
    expect(issues).toEqual(['external']);
    const pool = agent.get(BASE);
    pool.intercept({ path: (p) => p.startsWith('/v2/accounts/TA-1/orders?'), method: 'GET' }).reply(200, { orders: [wireOrder('WEB-1', 'NEW', '0', '0')], nextCursor: 0 });
    pool.intercept({ path: '/v1/accounts/TA-1/positions', method: 'GET' }).reply(200, { positions: [{ symbol: 'YHOO', quantity: '5' }] });
    pool.intercept({ path: '/v1/accounts/TA-1/balances', method: 'GET' }).reply(200, { cashBalance: '1000', totalEquity: '1150' });
    const snapshot = await exec.reconcile();
    expect(snapshot.externalOrders.map((o) => o.venueOrderId)).toEqual(['WEB-1']);
    expect(snapshot.positions).toEqual([{ symbol: 'YHOO', qty: amountFromNumber(5), avgPrice: 0n }]);
    expect(snapshot.balances.cash).toBe(amountFromNumber(1000));
    expect(snapshot.openOrders).toEqual([]);
  });
});
