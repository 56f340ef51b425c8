import { afterEach, describe, expect, it } from 'vitest';
import { SocketState } from '../../../src/aries/ws/index.js';
import { client, nextState, payloadOf, RawClient, startRig, T0 } from './ws-helpers.js';
import type { SimSocketRig } from './ws-helpers.js';

let rig: SimSocketRig;

afterEach(async () => {
  await rig.close();
});

describe('sim sockets: session lifetime', () => {
  it('warns with refreshAuth, then sends authExpired and closes at expiry', async () => {
    rig = await startRig({ sessionTtlMs: 1_000, refreshWarningMs: 300 });
    const raw = new RawClient(rig.url('/v1/accounts/ws'), 'account');
    await raw.opened;
    await raw.auth('good');
    rig.clock.advanceTo(T0 + 699);
    expect(raw.messages.some((m) => payloadOf(m)['action'] === 'refreshAuth')).toBe(false);
    rig.clock.advanceTo(T0 + 700);
    expect(payloadOf(await raw.next((m) => payloadOf(m)['action'] === 'refreshAuth'))).toMatchObject({ data: { expiresIn: 300 } });
    rig.clock.advanceTo(T0 + 1_000);
    expect(await raw.closed).toBe(4001);
    expect(raw.messages.map((m) => payloadOf(m)['action'])).toEqual(['authSuccess', 'refreshAuth', 'authExpired']);
    expect(raw.problems).toEqual([]);
  });

  it('the project client re-authenticates on refreshAuth on the same socket, which resets the session', async () => {
    rig = await startRig({ sessionTtlMs: 1_000, refreshWarningMs: 300 });
    const c = client(rig.url('/v1/market/ws'));
    const authed = nextState(c.socket, SocketState.AUTHENTICATED);
    c.socket.connect();
    await authed;
    const refreshed = nextState(c.socket, SocketState.AUTHENTICATED, (e) => e.reason === 'refresh');
    rig.clock.advanceTo(T0 + 700);
    await refreshed;
    expect(c.calls.refresh).toBe(1);
    expect(c.socket.stats.connections).toBe(1);
    rig.clock.advanceTo(T0 + 1_000); // the first session's deadline no longer applies
    expect(rig.sockets.stats.expired).toBe(0);
    const reconnecting = nextState(c.socket, SocketState.RECONNECTING);
    rig.clock.advanceTo(T0 + 1_700);
    expect(rig.sockets.stats.expired).toBe(1);
    expect((await reconnecting).reason).toBe('auth expired');
    await c.socket.close();
  });

  it('the project client reconnects after authExpired', async () => {
    rig = await startRig({ sessionTtlMs: 1_000, refreshWarningMs: 0 });
    const c = client(rig.url('/v1/accounts/ws'));
    const authed = nextState(c.socket, SocketState.AUTHENTICATED);
    c.socket.connect();
    await authed;
    const reconnecting = nextState(c.socket, SocketState.RECONNECTING);
    const again = nextState(c.socket, SocketState.AUTHENTICATED, (e) => e.connection === 2);
    rig.clock.advanceTo(T0 + 1_000);
    expect((await reconnecting).reason).toBe('auth expired');
    await again;
    expect(c.calls.access).toBe(2);
    expect(c.calls.refresh).toBe(0);
    await c.socket.close();
  });
});
