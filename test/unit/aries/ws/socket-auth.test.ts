import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SocketState } from '../../../../src/aries/ws/index.js';
import { makeSocket, nextState, type Harness } from './helpers.js';
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

function start(timing: Parameters<typeof makeSocket>[1] = {}): Harness {
  harness = makeSocket(server.url, timing);
  return harness;
}

describe('AriesSocket authentication', () => {
  it('sends the §8.1 /auth request first and reports connecting → connected → authenticated → resubscribed', async () => {
    const { socket, logger } = start();
    const states: string[] = [];
    socket.state$.subscribe((e) => states.push(e.state));
    const resubscribed = nextState(socket, SocketState.RESUBSCRIBED);
    socket.connect();
    expect((await resubscribed).topics).toBe(0);
    expect(states).toEqual(['connecting', 'connected', 'authenticated', 'resubscribed']);
    const first = server.log[0]?.message;
    expect(first).toMatchObject({
      type: 'request',
      payload: { method: 'post', path: '/auth', body: { action: 'auth', token: 'tok-access-1' } },
    });
    expect(socket.authenticated).toBe(true);
    expect(JSON.stringify(logger.entries)).not.toContain('tok-');
  });

  it('reconnects when authSuccess does not arrive within authTimeoutMs', async () => {
    server.behavior.ignoreAuth = true;
    const { socket, calls } = start({ authTimeoutMs: 30 });
    const reconnecting = nextState(socket, SocketState.RECONNECTING);
    const authenticated = nextState(socket, SocketState.AUTHENTICATED);
    socket.connect();
    expect((await reconnecting).reason).toBe('auth timeout');
    server.behavior.ignoreAuth = false;
    expect((await authenticated).connection).toBe(2);
    expect(server.connections).toBe(2);
    expect(calls.access).toBe(2);
    await server.waitFor(() => server.isClosed(1));
  });

  it('reconnects when the server rejects /auth, without logging the token', async () => {
    server.behavior.refuseAuth = true;
    const { socket, logger } = start();
    const reconnecting = nextState(socket, SocketState.RECONNECTING);
    const authenticated = nextState(socket, SocketState.AUTHENTICATED);
    socket.connect();
    expect((await reconnecting).reason).toBe('auth rejected');
    server.behavior.refuseAuth = false;
    expect((await authenticated).connection).toBe(2);
    expect(logger.entries.some(([level, msg]) => level === 'warn' && msg === 'aries ws: authentication rejected')).toBe(true);
    expect(JSON.stringify(logger.entries)).not.toContain('tok-');
  });

  it('on refreshAuth refreshes the token and re-authenticates on the same connection', async () => {
    const { socket, calls } = start();
    socket.subscribe('market:AAPL', [{ symbol: 'AAPL' }]);
    const resubscribed = nextState(socket, SocketState.RESUBSCRIBED);
    socket.connect();
    await resubscribed;
    const reauthed = nextState(socket, SocketState.AUTHENTICATED, 1, (e) => e.reason === 'refresh');
    server.sendEvent({ action: 'refreshAuth', timestamp: 1 });
    await reauthed;
    expect(calls.refresh).toBe(1);
    expect(server.connections).toBe(1);
    const auths = server.received(1, 'request');
    expect(auths.map((m) => JSON.stringify(m))).toEqual([
      expect.stringContaining('"token":"tok-access-1"'),
      expect.stringContaining('"token":"tok-refresh-1"'),
    ]);
    expect([...server.subscriptions(1).values()]).toEqual([1]);
    expect(socket.authenticated).toBe(true);
  });

  it('reconnects with a fresh token after authExpired and the server close', async () => {
    const { socket, calls } = start();
    const authenticated = nextState(socket, SocketState.AUTHENTICATED);
    socket.connect();
    await authenticated;
    const reconnecting = nextState(socket, SocketState.RECONNECTING);
    const again = nextState(socket, SocketState.AUTHENTICATED);
    server.sendEvent({ action: 'authExpired' });
    server.closeConn(1);
    expect((await reconnecting).reason).toBe('auth expired');
    expect((await again).connection).toBe(2);
    expect(server.connections).toBe(2);
    expect(calls.access).toBe(2);
    expect(server.received(2, 'request')[0]).toMatchObject({ payload: { body: { token: 'tok-access-2' } } });
  });

  it('reconnects when the token source fails, logging the error code only', async () => {
    let fail = true;
    const getAccessToken = (): Promise<string> =>
      fail ? Promise.reject(new Error('secret-token-in-message')) : Promise.resolve('tok-ok');
    harness = makeSocket(server.url, {}, 7, { getAccessToken });
    const { socket, logger } = harness;
    const reconnecting = nextState(socket, SocketState.RECONNECTING);
    const authenticated = nextState(socket, SocketState.AUTHENTICATED);
    socket.connect();
    expect((await reconnecting).reason).toBe('no access token');
    fail = false;
    expect((await authenticated).connection).toBe(2);
    expect(logger.entries.some(([level, , ctx]) => level === 'error' && JSON.stringify(ctx).includes('"Error"'))).toBe(true);
    expect(JSON.stringify(logger.entries)).not.toContain('secret-token');
  });
});
