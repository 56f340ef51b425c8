import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { accountSubscribe, parseAccountEvent, parseWire, wsEventPayloadSchema } from '../../../src/aries/wire/index.js';
import type { AccountEvent } from '../../../src/aries/wire/index.js';
import { accountSubscription, SocketState } from '../../../src/aries/ws/index.js';
import type { AriesSocket } from '../../../src/aries/ws/index.js';
import { amountFromNumber } from '../../../src/core/index.js';
import { ACCOUNT, client, nextMessage, nextState, orderEvent, OTHER_ACCOUNT, payloadOf, RawClient, startRig } from './ws-helpers.js';
import type { SimSocketRig } from './ws-helpers.js';

let rig: SimSocketRig;

beforeEach(async () => {
  rig = await startRig();
});

afterEach(async () => {
  await rig.close();
});

function parsed(payload: unknown): AccountEvent {
  const p = parseWire(wsEventPayloadSchema, payload, 'payload');
  if (!p.ok) throw new Error(p.problem);
  const e = parseAccountEvent(p.value);
  if (!e.ok) throw new Error(e.problem);
  return e.value;
}

async function subscribed(): Promise<{ socket: AriesSocket; events: AccountEvent[] }> {
  const c = client(rig.url('/v1/accounts/ws'));
  const events: AccountEvent[] = [];
  c.socket.messages$.subscribe((m) => {
    if (m.type === 'event') events.push(parsed(m.payload));
  });
  const snapshot = nextMessage(c.socket, (m) => m.action === 'snapshot');
  c.socket.subscribe(`account:${ACCOUNT}`, accountSubscribe('acc', ACCOUNT).payload);
  c.socket.connect();
  await snapshot;
  return { socket: c.socket, events };
}

describe('sim sockets: account', () => {
  it('sends the snapshot after subscribe, in a form the client parses', async () => {
    const { socket, events } = await subscribed();
    expect(events[0]).toMatchObject({ kind: 'snapshot', orders: [{ clOrdId: 'c-0', qty: amountFromNumber(10) }], positions: [{ symbol: 'MSFT', quantity: amountFromNumber(5) }], balance: { cashBalance: amountFromNumber(1000) } });
    await socket.close();
  });

  it('forwards order, position and balance events of the subscribed account only', async () => {
    const { socket, events } = await subscribed();
    const balance = nextMessage(socket, (m) => m.eventType === 'account.balance');
    rig.account.push(orderEvent(OTHER_ACCOUNT, 'x-1'));
    rig.account.push(orderEvent(ACCOUNT, 'c-1'));
    rig.account.push({ accountId: ACCOUNT, payload: { action: 'update', type: 'account.position', data: { symbol: 'AAPL', quantity: '10' } } });
    rig.account.push({ accountId: OTHER_ACCOUNT, payload: { action: 'update', type: 'account.balance', data: { cashBalance: '1.00' } } });
    rig.account.push({ accountId: ACCOUNT, payload: { action: 'update', type: 'account.balance', data: { cashBalance: '900.00' } } });
    await balance;
    expect(events.map((e) => e.kind)).toEqual(['snapshot', 'order', 'position', 'balance']);
    expect(events[1]).toMatchObject({ kind: 'order', order: { clOrdId: 'c-1', accountId: ACCOUNT } });
    await socket.close();
  });

  it('re-subscribes after a reconnect and gets a fresh snapshot', async () => {
    const { socket, events } = await subscribed();
    const again = nextState(socket, SocketState.RESUBSCRIBED, (e) => e.connection === 2);
    const secondSnapshot = nextMessage(socket, (m) => m.action === 'snapshot');
    rig.sockets.faults.dropAll();
    expect((await again).topics).toBe(1);
    await secondSnapshot;
    expect(events.filter((e) => e.kind === 'snapshot')).toHaveLength(2);
    await socket.close();
  });

  it('refuses a subscribe without accountId or for another account, and accepts the data form', async () => {
    const raw = new RawClient(rig.url('/v1/accounts/ws'), 'account');
    await raw.opened;
    await raw.auth('good');
    raw.send({ type: 'subscribe', id: 'a', payload: { topic: 'account' } });
    raw.send({ type: 'subscribe', id: 'b', payload: { topic: 'account', params: { accountId: OTHER_ACCOUNT } } });
    raw.send({ type: 'subscribe', id: 'c', ...accountSubscription('account', { accountId: ACCOUNT }) });
    expect(payloadOf(await raw.next((m) => payloadOf(m)['id'] === 'a'))).toMatchObject({ action: 'error', error: 'accountId is required' });
    expect(payloadOf(await raw.next((m) => payloadOf(m)['id'] === 'b'))).toMatchObject({ action: 'error', error: 'account not authorized' });
    expect(payloadOf(await raw.next((m) => payloadOf(m)['id'] === 'c'))).toMatchObject({ action: 'snapshot', type: 'account' });
    raw.send({ type: 'unsubscribe', id: 'u', payload: { topic: 'account', data: { accountId: ACCOUNT } } });
    await raw.next((m) => m['id'] === 'u');
    rig.account.push(orderEvent(ACCOUNT, 'after-unsub'));
    raw.send({ type: 'ping', id: 'p' });
    await raw.next((m) => m['type'] === 'pong');
    expect(raw.messages.some((m) => payloadOf(m)['type'] === 'account.order')).toBe(false);
    expect(raw.problems).toEqual([]);
    raw.ws.close();
  });

  it('refuses subscribe before auth', async () => {
    const raw = new RawClient(rig.url('/v1/accounts/ws'), 'account');
    await raw.opened;
    raw.send({ type: 'subscribe', id: 's', payload: { topic: 'account', params: { accountId: ACCOUNT } } });
    expect(payloadOf(await raw.next((m) => payloadOf(m)['id'] === 's'))).toMatchObject({ action: 'error', error: 'authentication required' });
    raw.ws.close();
  });
});
