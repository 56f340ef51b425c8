import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isRunnerError } from '../../../../src/core/index.js';
import { SocketState } from '../../../../src/aries/ws/index.js';
import { makeSocket, nextState } from './helpers.js';
import { TestAriesServer } from './test-server.js';

let server: TestAriesServer;

beforeEach(async () => {
  server = await TestAriesServer.start();
});
afterEach(async () => {
  await server.close();
});

describe('AriesSocket.close', () => {
  it('closes the socket, completes both streams and leaves no timer running', async () => {
    const { socket, timers } = makeSocket(server.url);
    let messagesDone = false;
    let statesDone = false;
    socket.messages$.subscribe({ complete: () => (messagesDone = true) });
    const states: string[] = [];
    socket.state$.subscribe({ next: (e) => states.push(e.state), complete: () => (statesDone = true) });
    const authenticated = nextState(socket, SocketState.AUTHENTICATED);
    socket.connect();
    await authenticated;
    expect(timers.live()).toBeGreaterThan(0);
    await socket.close();
    expect(timers.live()).toBe(0);
    expect(states.at(-1)).toBe('closed');
    expect(messagesDone && statesDone).toBe(true);
    await server.waitFor(() => server.isClosed(1));
    await socket.close();
  });

  it('cancels a pending reconnect when closed during the backoff', async () => {
    const { socket, timers } = makeSocket(server.url, { backoffStartMs: 60_000, backoffCapMs: 120_000 });
    const authenticated = nextState(socket, SocketState.AUTHENTICATED);
    socket.connect();
    await authenticated;
    const reconnecting = nextState(socket, SocketState.RECONNECTING);
    server.drop(1);
    expect((await reconnecting).delayMs).toBeGreaterThanOrEqual(60_000);
    expect(timers.live()).toBe(1);
    await socket.close();
    expect(timers.live()).toBe(0);
    expect(server.connections).toBe(1);
  });

  it('can close while still connecting, and refuses to connect again afterwards', async () => {
    const { socket, timers } = makeSocket(server.url);
    socket.connect();
    await socket.close();
    expect(timers.live()).toBe(0);
    let error: unknown;
    try {
      socket.connect();
    } catch (caught) {
      error = caught;
    }
    expect(isRunnerError(error, 'ARIES_WS_CLOSED')).toBe(true);
  });

  it('can close while the auth answer is outstanding', async () => {
    server.behavior.ignoreAuth = true;
    const { socket, timers } = makeSocket(server.url);
    socket.connect();
    await server.waitFor(() => server.received(1, 'request').length === 1);
    await socket.close();
    expect(timers.live()).toBe(0);
    await server.waitFor(() => server.isClosed(1));
  });
});
