import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SocketState } from '../../../src/aries/ws/index.js';
import { client, nextMessage, nextState, payloadOf, RawClient, startRig } from './ws-helpers.js';
import type { SimSocketRig } from './ws-helpers.js';

let rig: SimSocketRig;

beforeEach(async () => {
  rig = await startRig({ authTimeoutMs: 5_000 });
});

afterEach(async () => {
  await rig.close();
});

describe('sim sockets: authentication', () => {
  it('answers a good token with authSuccess and the documented session lengths', async () => {
    const market = new RawClient(rig.url('/v1/market/ws'), 'market');
    const account = new RawClient(rig.url('/v1/accounts/ws'), 'account');
    await Promise.all([market.opened, account.opened]);
    const m = await market.auth('good-1');
    const a = await account.auth('good-2', 'auth-001');
    expect(payloadOf(m)).toMatchObject({ action: 'authSuccess', id: 'auth-1', data: { expiresIn: 2_700_000 } });
    expect(payloadOf(a)).toMatchObject({ action: 'authSuccess', id: 'auth-001', data: { expiresIn: 3_900_000 } });
    expect([...market.problems, ...account.problems]).toEqual([]);
    market.ws.close();
    account.ws.close();
  });

  it('refuses a bad token with error "authentication failed" and closes the socket', async () => {
    const raw = new RawClient(rig.url('/v1/accounts/ws'), 'account');
    await raw.opened;
    const answer = await raw.auth('bad-token');
    expect(payloadOf(answer)).toMatchObject({ action: 'error', error: 'authentication failed', id: 'auth-1' });
    expect(await raw.closed).toBe(1008);
    expect(rig.sockets.stats.authFailures).toBe(1);
  });

  it('asks for the token under body.token', async () => {
    const raw = new RawClient(rig.url('/v1/market/ws'), 'market');
    await raw.opened;
    raw.send({ type: 'request', id: 'a1', payload: { method: 'post', path: '/auth', body: { data: { token: 'good' } } } });
    const answer = await raw.next((m) => payloadOf(m)['id'] === 'a1');
    expect(payloadOf(answer)).toMatchObject({ action: 'error', error: 'token is required' });
    raw.ws.close();
  });

  it('closes a socket that sends no /auth within authTimeoutMs', async () => {
    const raw = new RawClient(rig.url('/v1/accounts/ws'), 'account');
    await raw.opened;
    rig.clock.advanceTo(rig.clock.now() + 4_999);
    expect(raw.messages).toEqual([]);
    rig.clock.advanceTo(rig.clock.now() + 1);
    expect(await raw.closed).toBe(1008);
    expect(payloadOf(raw.messages[0] ?? {})).toMatchObject({ action: 'error', error: 'authentication timeout' });
    expect(rig.sockets.stats.authTimeouts).toBe(1);
  });

  it('the project client authenticates, is refused (and retries) with a bad token, and times out without one', async () => {
    const good = client(rig.url('/v1/accounts/ws'));
    const authed = nextState(good.socket, SocketState.AUTHENTICATED);
    good.socket.connect();
    await authed;
    await good.socket.close();

    let n = 0;
    const bad = client(rig.url('/v1/accounts/ws'), {}, () => Promise.resolve(`bad-${++n}`));
    const rejected = nextState(bad.socket, SocketState.RECONNECTING, (e) => e.reason === 'auth rejected');
    bad.socket.connect();
    await rejected;
    await bad.socket.close();

    const mute = client(rig.url('/v1/accounts/ws'), {}, () => new Promise<string>(() => undefined));
    const timeoutError = nextMessage(mute.socket, (m) => m.action === 'error');
    const dropped = nextState(mute.socket, SocketState.RECONNECTING);
    mute.socket.connect();
    await nextState(mute.socket, SocketState.CONNECTED);
    rig.clock.advanceTo(rig.clock.now() + 5_000);
    expect((await timeoutError).payload).toMatchObject({ error: 'authentication timeout' });
    expect((await dropped).reason).toMatch(/closed/);
    await mute.socket.close();
  });

  it('pushes marketStatus right after auth on the market socket', async () => {
    const c = client(rig.url('/v1/market/ws'));
    const status = nextMessage(c.socket, (m) => m.eventType === 'marketStatus');
    c.socket.connect();
    expect((await status).payload).toMatchObject({ action: 'update', type: 'marketStatus', data: { market: 'open', exchanges: { nyse: 'open' } } });
    await c.socket.close();
  });

  it('answers 404 to an upgrade on any other path', async () => {
    const raw = new RawClient(rig.url('/v1/charts/ws'), 'market');
    await expect(raw.opened).rejects.toThrow('HTTP 404');
    expect(rig.sockets.stats.rejected).toBe(1);
  });
});
