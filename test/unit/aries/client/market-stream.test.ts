import { firstValueFrom, take, toArray } from 'rxjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AriesAccountStream, AriesMarketStream } from '../../../../src/aries/client/index.js';
import { makeSocket, nextState, type Harness } from '../ws/helpers.js';
import { TestAriesServer } from '../ws/test-server.js';

describe('AriesMarketStream and AriesAccountStream over a real ws server', () => {
  let server: TestAriesServer;
  let h: Harness;

  beforeEach(async () => {
    server = await TestAriesServer.start();
    h = makeSocket(server.url);
  });

  afterEach(async () => {
    await h.socket.close();
    await server.close();
  });

  it('turns quote and trade updates into core events and skips malformed ones', async () => {
    const stream = new AriesMarketStream(h.socket, h.logger);
    const got = firstValueFrom(stream.data$.pipe(take(2), toArray()));
    stream.subscribe(['yhoo']);
    h.socket.connect();
    await nextState(h.socket, 'authenticated');
    await server.waitFor(() => server.received(1, 'subscribe').length === 1);
    expect(server.received(1, 'subscribe')[0]?.['payload']).toEqual([
      { symbol: 'YHOO', quoteFields: ['bidPrice', 'bidSize', 'askPrice', 'askSize', 'quoteTimestamp'], tradeFields: ['lastPrice', 'size', 'totalVolume', 'tradeTimestamp'] },
    ]);
    server.sendEvent({ action: 'update', type: 'quote', symbol: 'YHOO', data: { bidPrice: 'x' } });
    server.sendEvent({ action: 'update', type: 'quote', symbol: 'YHOO', data: { bidPrice: 10.1, bidSize: 3, askPrice: 10.2, askSize: 4, quoteTimestamp: '2024-01-02T14:30:00Z' } });
    server.sendEvent({ action: 'update', type: 'trade', symbol: 'YHOO', data: { lastPrice: 10.15, size: 100, tradeTimestamp: '2024-01-02T14:30:01Z' } });
    const [quote, trade] = await got;
    expect(quote).toMatchObject({ kind: 'quote', symbol: 'YHOO', bid: 10.1, ask: 10.2, bidSize: 3, askSize: 4, ts: Date.UTC(2024, 0, 2, 14, 30) });
    expect(trade).toMatchObject({ kind: 'trade', symbol: 'YHOO', price: 10.15, size: 100, ts: Date.UTC(2024, 0, 2, 14, 30, 1) });
    expect(stream.malformed).toBe(1);
    stream.dispose();
  });

  it('delivers the account snapshot and order updates mapped to core statuses', async () => {
    const stream = new AriesAccountStream(h.socket, h.logger);
    const got = firstValueFrom(stream.events$.pipe(take(2), toArray()));
    stream.subscribe('ACC-1');
    h.socket.connect();
    await nextState(h.socket, 'authenticated');
    await server.waitFor(() => server.received(1, 'subscribe').length === 1);
    expect(server.received(1, 'subscribe')[0]?.['payload']).toEqual({ topic: 'account', params: { accountId: 'ACC-1' } });
    const order = {
      clOrdId: 'C-1', accountId: 'ACC-1', symbol: 'YHOO', side: 'BUY', type: 'MARKET', timeInForce: 'DAY', qty: '10', price: '',
      stopPrice: '', ordStatus: 'FILLED', cumQty: '10', leavesQty: '0', avgPrice: '10.15', createdAt: '2024-01-02T14:30:00Z', updatedAt: '2024-01-02T14:30:01Z',
    };
    server.sendEvent({ action: 'snapshot', data: { orders: [], positions: [{ symbol: 'YHOO', quantity: '5', averagePrice: '9.5' }] } });
    server.sendEvent({ action: 'update', type: 'account.order', data: order });
    const [snapshot, update] = await got;
    expect(snapshot?.kind === 'snapshot' && snapshot.positions[0]?.qty).toBe(500_000_000n);
    expect(update?.kind === 'order' && update.order.status).toBe('FILLED');
    expect(update?.kind === 'order' && update.order.avgFillPrice).toBe(1_015_000_000n);
    stream.dispose();
  });
});
