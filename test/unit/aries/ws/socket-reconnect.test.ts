import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Rng } from '../../../../src/time/index.js';
import { Backoff, SocketState, accountSubscription, marketSubscription } from '../../../../src/aries/ws/index.js';
import { FAST_TIMING, makeSocket, nextState, type Harness } from './helpers.js';
import { TestAriesServer } from './test-server.js';

let server: TestAriesServer;
let harness: Harness | undefined;

beforeEach(async () => {
  server = await TestAriesServer.start();
});
afterEach(async () => {
  await harness?.socket.close();
  harness = undefined;
  await server.close();
});

describe('AriesSocket reconnect (T-9)', () => {
  it('after 5 drops in a row resubscribes every topic exactly once per connection, with growing capped delays', async () => {
    harness = makeSocket(server.url, {}, 42);
    const { socket } = harness;
    const market = marketSubscription({ symbol: 'AAPL', symbolType: 'equity', quote: ['bidPrice'] });
    const account = accountSubscription('account', { accountId: 'TEST-ACCOUNT-001' });
    for (const spec of [market, account, market]) socket.subscribe(spec.key, spec.payload, spec.unsubscribePayload);
    const delays: number[] = [];
    const resubscribedTopics: number[] = [];
    socket.state$.subscribe((e) => {
      if (e.delayMs !== undefined) delays.push(e.delayMs);
      if (e.topics !== undefined) resubscribedTopics.push(e.topics);
    });
    socket.connect();
    for (let conn = 1; conn <= 6; conn += 1) {
      await server.waitFor(() => server.connections >= conn && server.received(conn, 'subscribe').length === 2);
      if (conn < 6) server.drop(conn);
    }
    for (let conn = 1; conn <= 6; conn += 1) {
      const counts = server.subscriptions(conn);
      expect(counts.size, `connection ${conn}`).toBe(2);
      expect([...counts.values()], `connection ${conn}`).toEqual([1, 1]);
      expect(server.received(conn, 'request')).toHaveLength(1);
    }
    expect(resubscribedTopics).toEqual([2, 2, 2, 2, 2, 2]);
    const expected = new Backoff(
      { startMs: 5, factor: 2, capMs: 40, jitterMs: FAST_TIMING.backoffJitterMs ?? 0 },
      new Rng(42),
    );
    expect(delays).toEqual([1, 2, 3, 4, 5].map(() => expected.next()));
    expect(delays[4]).toBeLessThanOrEqual(40 + 3);
    expect(delays[3]).toBeGreaterThanOrEqual(40);
  });

  it('sends a topic added while connected once, and again once after the next reconnect', async () => {
    harness = makeSocket(server.url);
    const { socket } = harness;
    const authenticated = nextState(socket, SocketState.AUTHENTICATED);
    socket.connect();
    await authenticated;
    socket.subscribe('pnl', { topic: 'pnl', data: { accountId: 'A', interval: '1m' } });
    socket.subscribe('pnl', { topic: 'pnl', data: { accountId: 'A', interval: '1m' } });
    await server.waitFor(() => server.received(1, 'subscribe').length === 1);
    server.drop(1);
    await server.waitFor(() => server.received(2, 'subscribe').length === 1);
    expect([...server.subscriptions(1).values()]).toEqual([1]);
    expect([...server.subscriptions(2).values()]).toEqual([1]);
  });

  it('does not resend an unsubscribed topic after a reconnect', async () => {
    harness = makeSocket(server.url);
    const { socket } = harness;
    socket.subscribe('a', ['A']);
    socket.subscribe('b', ['B']);
    socket.connect();
    await server.waitFor(() => server.received(1, 'subscribe').length === 2);
    socket.unsubscribe('a');
    server.drop(1);
    const resubscribed = await nextState(socket, SocketState.RESUBSCRIBED);
    expect(resubscribed.topics).toBe(1);
    await server.waitFor(() => server.received(2, 'subscribe').length === 1);
    expect([...server.subscriptions(2).keys()]).toEqual([JSON.stringify(['B'])]);
  });
});

describe('AriesSocket backoff reset', () => {
  it('starts the backoff over after a connection that stayed authenticated for stableResetMs', async () => {
    harness = makeSocket(server.url, { stableResetMs: 0 });
    const { socket } = harness;
    const delays: number[] = [];
    socket.state$.subscribe((e) => {
      if (e.delayMs !== undefined) delays.push(e.delayMs);
    });
    socket.connect();
    for (let conn = 1; conn <= 4; conn += 1) {
      await nextState(socket, SocketState.AUTHENTICATED);
      if (conn < 4) server.drop(conn);
    }
    expect(delays).toHaveLength(3);
    for (const delay of delays) expect(delay).toBeLessThanOrEqual(5 + 3);
  });

  it('keeps growing the backoff while connections fail before authenticating', async () => {
    server.behavior.refuseAuth = true;
    harness = makeSocket(server.url, { stableResetMs: 0 });
    const { socket } = harness;
    const third = nextState(socket, SocketState.RECONNECTING, 3);
    socket.connect();
    expect((await third).delayMs).toBeGreaterThanOrEqual(20);
  });
});

describe('AriesSocket keep-alive (T-10)', () => {
  it('stays up while pongs arrive, then detects a silent half-open link and reconnects', async () => {
    harness = makeSocket(server.url, { pingIntervalMs: 20, heartbeatGraceMs: 20 });
    const { socket } = harness;
    const stale: unknown[] = [];
    socket.state$.subscribe((e) => {
      if (e.state === SocketState.STALE) stale.push(e);
    });
    socket.connect();
    // Four protocol pings span more than interval + grace: a live link must not be called stale.
    await server.waitFor(() => server.received(1, 'ping').length >= 4);
    expect(stale).toEqual([]);
    expect(server.received(1, 'ping')[0]).toMatchObject({ type: 'ping', id: 'p1' });
    const staleEvent = nextState(socket, SocketState.STALE);
    const reconnecting = nextState(socket, SocketState.RECONNECTING);
    server.behavior.silent = true;
    await staleEvent;
    server.behavior.silent = false;
    expect((await reconnecting).reason).toBe('stale');
    const authenticated = await nextState(socket, SocketState.AUTHENTICATED);
    expect(authenticated.connection).toBe(2);
    await server.waitFor(() => server.isClosed(1));
  });
});
