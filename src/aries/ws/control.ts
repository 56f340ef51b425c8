import { payloadString, type Envelope } from './envelope.js';

/** What a received envelope means to the connection layer; `app` is for the application. */
export const ControlKind = {
  AUTH_SUCCESS: 'authSuccess',
  AUTH_ERROR: 'authError',
  AUTH_REQUIRED: 'authRequired',
  REFRESH_AUTH: 'refreshAuth',
  AUTH_EXPIRED: 'authExpired',
  KEEP_ALIVE: 'keepAlive',
  APP: 'app',
} as const;
/** What a received envelope means to the connection layer. */
export type ControlKind = (typeof ControlKind)[keyof typeof ControlKind];

const SESSION_ACTIONS: Readonly<Record<string, ControlKind>> = {
  authSuccess: ControlKind.AUTH_SUCCESS,
  authRequired: ControlKind.AUTH_REQUIRED,
  refreshAuth: ControlKind.REFRESH_AUTH,
  authExpired: ControlKind.AUTH_EXPIRED,
  heartbeat: ControlKind.KEEP_ALIVE,
};

/**
 * Returns what the envelope means. An `error` counts as an auth failure only when it answers the
 * pending `/auth` request (by envelope or payload id); other errors go to the application.
 */
export function classifyEnvelope(envelope: Envelope, pendingAuthId: string | undefined): ControlKind {
  if (envelope.type === 'pong') return ControlKind.KEEP_ALIVE;
  const action = payloadString(envelope.payload, 'action');
  if (action === undefined) return ControlKind.APP;
  const session = SESSION_ACTIONS[action];
  if (session !== undefined) return session;
  if (action === 'error' && pendingAuthId !== undefined) {
    const id = payloadString(envelope.payload, 'id') ?? envelope.id;
    if (id === pendingAuthId) return ControlKind.AUTH_ERROR;
  }
  return ControlKind.APP;
}

/** Returns the `/auth` request of §8.1 (the token goes in `body.token`, never under `body.data`). */
export function authRequest(id: string, token: string): unknown {
  return { type: 'request', id, payload: { method: 'post', path: '/auth', body: { action: 'auth', token } } };
}
