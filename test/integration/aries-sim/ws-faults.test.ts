import { afterEach, describe, expect, it } from 'vitest';
import { accountSubscribe, marketSubscribe } from '../../../src/aries/wire/index.js';
import { SocketState } from '../../../src/aries/ws/index.js';
import type { AriesSocket } from '../../../src/aries/ws/index.js';
import { ACCOUNT, client, nextMessage, nextState, orderEvent, startRig } from './ws-helpers.js';
import type { SimSocketRig } from './ws-helpers.js';

let rig: SimSocketRig;

afterEach(async () => {
  await rig.close();
});

/** Connects an account client subscribed to ACCOUNT; `orders` collects the clOrdIds of account.order events. */
async function accountClient(): Promise<{ socket: AriesSocket; orders: string[] }> {
  const { socket } = client(rig.url('/v1/accounts/ws'));
  const orders: string[] = [];
  socket.messages$.subscribe((m) => {
    if (m.eventType === 'account.order') orders.push((m.payload as { data: { clOrdId: string } }).data.clOrdId);
  });
  const snapshot = nextMessage(socket, (m) => m.action === 'snapshot');
  socket.subscribe('acc', accountSubscribe('acc', ACCOUNT).payload);
  socket.connect();
  await snapshot;
  return { socket, orders };
}

function ordersArrive(socket: AriesSocket, orders: string[], n: number): Promise<void> {
  return new Promise((resolve) => {
    if (orders.length >= n) resolve();
    socket.messages$.subscribe(() => orders.length >= n && resolve());
  });
}

describe('sim sockets: faults', () => {
  it('dropAll terminates every socket and the clients reconnect', async () => {
    rig = await startRig();
    const market = client(rig.url('/v1/market/ws')).socket;
    const authed = nextState(market, SocketState.AUTHENTICATED);
    market.connect();
    await authed;
    const { socket: account } = await accountClient();
    const back = [market, account].map((s) => nextState(s, SocketState.AUTHENTICATED, (e) => e.connection === 2));
    const dropped = nextState(market, SocketState.RECONNECTING);
    expect(rig.sockets.faults.dropAll()).toBe(2);
    expect((await dropped).reason).toBe('closed (1006)');
    await Promise.all(back);
    expect(rig.sockets.stats.accepted).toBe(4);
    await Promise.all([market.close(), account.close()]);
  });

  it('silence keeps the connection open but sends nothing, pongs included, until the client calls it stale', async () => {
    rig = await startRig();
    const { socket } = client(rig.url('/v1/market/ws'), { pingIntervalMs: 50, heartbeatGraceMs: 50, authTimeoutMs: 200 });
    const sub = nextMessage(socket, (m) => m.type === 'response');
    socket.subscribe('market:AAPL', marketSubscribe('s', ['AAPL']).payload);
    socket.connect();
    await sub;
    const received = socket.stats.received;
    const frames = rig.sockets.stats.frames;
    const stale = nextState(socket, SocketState.STALE);
    rig.sockets.faults.silence(true);
    for (let i = 0; i < 6; i += 1) await rig.market.step(); // ticks flow on the server, none go out
    await stale;
    expect(socket.stats.received).toBe(received);
    expect(rig.sockets.stats.frames).toBe(frames);
    expect(rig.sockets.stats.open).toBeGreaterThanOrEqual(1);
    const back = nextState(socket, SocketState.AUTHENTICATED);
    rig.sockets.faults.silence(false);
    await back;
    await socket.close();
  });

  it('duplicateNextAccountEvents(n) sends each of the next n events twice', async () => {
    rig = await startRig();
    const { socket, orders } = await accountClient();
    rig.sockets.faults.duplicateNextAccountEvents(2);
    for (const id of ['o1', 'o2', 'o3']) rig.account.push(orderEvent(ACCOUNT, id));
    await ordersArrive(socket, orders, 5);
    expect(orders).toEqual(['o1', 'o1', 'o2', 'o2', 'o3']);
    await socket.close();
  });

  it('reorderNextAccountEvents(n) swaps the next n events in pairs', async () => {
    rig = await startRig();
    const { socket, orders } = await accountClient();
    rig.sockets.faults.reorderNextAccountEvents(4);
    for (const id of ['o1', 'o2', 'o3', 'o4', 'o5']) rig.account.push(orderEvent(ACCOUNT, id));
    await ordersArrive(socket, orders, 5);
    expect(orders).toEqual(['o2', 'o1', 'o4', 'o3', 'o5']);
    await socket.close();
  });

  it('random account faults are the same under the same seed', async () => {
    const run = async (seed: number): Promise<string[]> => {
      rig = await startRig({ seed });
      const { socket, orders } = await accountClient();
      rig.sockets.faults.randomAccountFaults(0.5);
      const ids = Array.from({ length: 20 }, (_, i) => `o${i}`);
      for (const id of ids) rig.account.push(orderEvent(ACCOUNT, id));
      rig.sockets.faults.randomAccountFaults(0);
      rig.account.push(orderEvent(ACCOUNT, 'end'));
      await new Promise<void>((resolve) => {
        if (orders.includes('end')) resolve();
        socket.messages$.subscribe(() => orders.includes('end') && resolve());
      });
      await socket.close();
      await rig.close();
      return orders;
    };
    const a = await run(7);
    const b = await run(7);
    rig = await startRig();
    expect(b).toEqual(a);
    expect(a.length).toBeGreaterThan(21);
    expect(new Set(a)).toEqual(new Set([...Array.from({ length: 20 }, (_, i) => `o${i}`), 'end']));
  });
});
