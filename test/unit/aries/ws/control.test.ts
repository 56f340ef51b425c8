import { describe, expect, it } from 'vitest';
import { authRequest, classifyEnvelope, ControlKind } from '../../../../src/aries/ws/control.js';

const event = (payload: unknown, id?: string): Parameters<typeof classifyEnvelope>[0] => ({ type: 'event', id, payload });

describe('classifyEnvelope', () => {
  it('recognises the session actions of §8.1 and keep-alive traffic', () => {
    expect(classifyEnvelope(event({ action: 'authSuccess', id: 'auth-1' }), 'auth-1')).toBe(ControlKind.AUTH_SUCCESS);
    expect(classifyEnvelope(event({ action: 'refreshAuth' }), undefined)).toBe(ControlKind.REFRESH_AUTH);
    expect(classifyEnvelope(event({ action: 'authExpired' }), undefined)).toBe(ControlKind.AUTH_EXPIRED);
    expect(classifyEnvelope(event({ action: 'authRequired' }), undefined)).toBe(ControlKind.AUTH_REQUIRED);
    expect(classifyEnvelope(event({ action: 'heartbeat' }), undefined)).toBe(ControlKind.KEEP_ALIVE);
    expect(classifyEnvelope({ type: 'pong', id: 'p1', payload: undefined }, undefined)).toBe(ControlKind.KEEP_ALIVE);
  });

  it('treats an error as an auth failure only when it answers the pending /auth', () => {
    expect(classifyEnvelope(event({ action: 'error', id: 'auth-3' }), 'auth-3')).toBe(ControlKind.AUTH_ERROR);
    expect(classifyEnvelope(event({ action: 'error' }, 'auth-3'), 'auth-3')).toBe(ControlKind.AUTH_ERROR);
    expect(classifyEnvelope(event({ action: 'error', id: 'sub-1' }), 'auth-3')).toBe(ControlKind.APP);
    expect(classifyEnvelope(event({ action: 'error', id: 'auth-3' }), undefined)).toBe(ControlKind.APP);
  });

  it('passes updates, snapshots and payloads without an action to the application', () => {
    expect(classifyEnvelope(event({ action: 'update', type: 'quote' }), undefined)).toBe(ControlKind.APP);
    expect(classifyEnvelope(event([1, 2]), undefined)).toBe(ControlKind.APP);
  });
});

describe('authRequest', () => {
  it('puts the token in body.token, not under body.data', () => {
    expect(authRequest('auth-1', 'T')).toEqual({
      type: 'request',
      id: 'auth-1',
      payload: { method: 'post', path: '/auth', body: { action: 'auth', token: 'T' } },
    });
  });
});
