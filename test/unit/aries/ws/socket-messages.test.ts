import { toArray } from 'rxjs';
import { firstValueFrom, take } from 'rxjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SocketState, type SocketMessage } from '../../../../src/aries/ws/index.js';
import { makeSocket, nextState, type Harness } from './helpers.js';
import { TestAriesServer } from './test-server.js';

let server: TestAriesServer;
let harness: Harness;

beforeEach(async () => {
  server = await TestAriesServer.start();
  harness = makeSocket(server.url);
  const authenticated = nextState(harness.socket, SocketState.AUTHENTICATED);
  harness.socket.connect();
  await authenticated;
});
afterEach(async () => {
  await harness.socket.close();
  await server.close();
});

function collect(n: number): Promise<SocketMessage[]> {
  return firstValueFrom(harness.socket.messages$.pipe(take(n), toArray()));
}

const quote = (bid: number): unknown => ({
  type: 'event',
  payload: { action: 'update', type: 'quote', symbol: 'AAPL', data: { bidPrice: bid } },
});

describe('AriesSocket messages', () => {
  it('splits an NDJSON frame into its messages, in order', async () => {
    const received = collect(3);
    const trade = { type: 'event', payload: { action: 'update', type: 'trade', data: { lastPrice: 1 } } };
    server.sendRaw(`${JSON.stringify(quote(1))}\n${JSON.stringify(trade)}\r\n\n${JSON.stringify(quote(2))}\n`);
    const messages = await received;
    expect(messages.map((m) => [m.type, m.action, m.eventType])).toEqual([
      ['event', 'update', 'quote'],
      ['event', 'update', 'trade'],
      ['event', 'update', 'quote'],
    ]);
    expect(messages[2]?.payload).toEqual({ action: 'update', type: 'quote', symbol: 'AAPL', data: { bidPrice: 2 } });
    expect(harness.socket.stats.malformed).toBe(0);
  });

  it('counts, logs and skips malformed lines without throwing or dropping the connection', async () => {
    const received = collect(2);
    server.sendRaw('not json at all SECRETISH');
    server.sendRaw('{"payload":{"action":"update"}}');
    server.sendRaw('[1,2,3]');
    server.sendRaw(`{"type":"event","id":{}}\n${JSON.stringify(quote(5))}\n{truncated`);
    server.sendJson(quote(6));
    const messages = await received;
    expect(messages.map((m) => (m.payload as { data: { bidPrice: number } }).data.bidPrice)).toEqual([5, 6]);
    expect(harness.socket.stats).toMatchObject({ malformed: 5, received: 2, connections: 1 });
    const warnings = harness.logger.entries.filter(([, msg]) => msg === 'aries ws: malformed message skipped');
    expect(warnings).toHaveLength(5);
    expect(JSON.stringify(warnings)).not.toContain('SECRETISH');
    expect(server.connections).toBe(1);
    expect(harness.socket.authenticated).toBe(true);
  });

  it('keeps pongs, heartbeats and session events out of messages$ but passes other errors through', async () => {
    const received = collect(1);
    server.sendJson({ type: 'pong', id: 'p1' });
    server.sendEvent({ action: 'heartbeat' });
    server.sendEvent({ action: 'authRequired' });
    server.sendEvent({ action: 'error', error: 'accountId is required', id: 'acc-sub-1' });
    const [message] = await received;
    expect(message).toMatchObject({ type: 'event', action: 'error', id: undefined });
  });

  it('subscribes each key once, even when asked twice, and unsubscribes with the unsubscribe payload', async () => {
    const { socket } = harness;
    socket.subscribe('market:AAPL', [{ symbol: 'AAPL', quote: ['bidPrice'] }], [{ symbol: 'AAPL' }]);
    socket.subscribe('market:AAPL', [{ symbol: 'AAPL', quote: ['bidPrice'] }], [{ symbol: 'AAPL' }]);
    socket.unsubscribe('market:AAPL');
    socket.unsubscribe('market:AAPL');
    await server.waitFor(() => server.received(1, 'unsubscribe').length === 1);
    expect([...server.subscriptions(1).values()]).toEqual([1]);
    expect(server.received(1, 'unsubscribe')[0]).toMatchObject({ payload: [{ symbol: 'AAPL' }] });
    expect(socket.topics()).toEqual([]);
  });
});
