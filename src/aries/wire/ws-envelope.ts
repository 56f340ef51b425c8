import { z } from 'zod';
import type { WireResult } from './parse-wire.js';

/**
 * The envelope shared by the three sockets (aries-api.md §8.1): `{type, id?, timestamp?,
 * payload?}`. `type` is any string (the SDK also sees `subscribed`); unknown types are the
 * caller's to ignore. `timestamp` is RFC 3339 text or Unix milliseconds.
 */
export const wsEnvelopeSchema = z.object({
  type: z.string().min(1),
  id: z.string().optional(),
  timestamp: z.union([z.string(), z.number()]).optional(),
  payload: z.unknown().optional(),
});

/** A parsed envelope. */
export type WsEnvelope = z.output<typeof wsEnvelopeSchema>;

/**
 * A server event payload: `{action, type?, id?, symbol?, data?, error?, timestamp?}`. The SDK's
 * account events name the kind in `topic`/`name` instead of `type`; both are kept.
 */
export const wsEventPayloadSchema = z.object({
  action: z.string().optional(),
  type: z.string().optional(),
  topic: z.string().optional(),
  name: z.string().optional(),
  id: z.string().optional(),
  symbol: z.string().optional(),
  data: z.unknown().optional(),
  error: z.string().optional(),
  status: z.number().optional(),
  timestamp: z.number().optional(),
});

/** A parsed event payload. */
export type WsEventPayload = z.output<typeof wsEventPayloadSchema>;

/** The `/auth` request a client sends first (method matched case-insensitively). */
export const authRequestSchema = z.object({
  type: z.literal('request'),
  id: z.string().optional(),
  payload: z.object({
    method: z.string().refine((m) => m.toLowerCase() === 'post', 'method must be POST'),
    path: z.literal('/auth'),
    body: z.object({ action: z.string().optional(), token: z.string().min(1, 'token is required') }),
  }),
});

/** Returns the `/auth` request: token directly under `body.token`, with `action:"auth"` (§8.1). */
export function authRequest(id: string, token: string): z.input<typeof authRequestSchema> {
  return { type: 'request', id, payload: { method: 'POST', path: '/auth', body: { action: 'auth', token } } };
}

/** Returns a keep-alive ping in envelope form. */
export function pingMessage(id: string): { readonly type: 'ping'; readonly id: string } {
  return { type: 'ping', id };
}

/** The server's session-control actions (§8.1; `authTimeout` is seen in the SDK). */
export const CONTROL_ACTIONS = ['authSuccess', 'authRequired', 'refreshAuth', 'authExpired', 'authTimeout', 'error'] as const;
/** A session-control action. */
export type ControlAction = (typeof CONTROL_ACTIONS)[number];

/** `authSuccess` data: `{expiresIn}` in milliseconds. */
export const authSuccessDataSchema = z.object({ expiresIn: z.number().int().positive().optional() });

/** Returns the control action of an event payload, or `undefined` when it is not one. */
export function controlAction(payload: WsEventPayload): ControlAction | undefined {
  return CONTROL_ACTIONS.find((a) => a === payload.action);
}

/**
 * Returns each JSON value of an NDJSON frame (one per non-blank line), or a problem for a line
 * that is not JSON. The line number is named; the line's text is not, as it may hold a token.
 */
export function decodeFrame(frame: string): WireResult<unknown>[] {
  const out: WireResult<unknown>[] = [];
  frame.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    try {
      out.push({ ok: true, value: JSON.parse(line) as unknown });
    } catch {
      out.push({ ok: false, problem: `malformed frame: line ${index + 1} is not JSON` });
    }
  });
  return out;
}
