import type { SocketMessage } from './socket-events.js';

/**
 * The Aries socket envelope (aries-api.md §8.1): `{type, id?, timestamp?, payload?}`. Only the envelope is
 * checked here; payloads stay `unknown` for the wire schemas to validate.
 */
export interface Envelope {
  readonly type: string;
  readonly id: string | undefined;
  readonly payload: unknown;
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Returns the envelope of a parsed JSON value, or a short reason (safe to log: it never quotes the
 * input) when the value is not an envelope.
 */
export function toEnvelope(value: unknown): Envelope | string {
  if (!isRecord(value)) return 'not an object';
  const { type, id, payload } = value;
  if (typeof type !== 'string' || type.length === 0) return 'missing type';
  if (id !== undefined && typeof id !== 'string' && typeof id !== 'number') return 'bad id';
  return { type, id: id === undefined ? undefined : String(id), payload };
}

/** Returns `payload[field]` when the payload is an object and the field is a string, else undefined. */
export function payloadString(payload: unknown, field: string): string | undefined {
  if (!isRecord(payload)) return undefined;
  const value = payload[field];
  return typeof value === 'string' ? value : undefined;
}

/** Returns the application message for an envelope received at `ts`. */
export function toSocketMessage(envelope: Envelope, ts: number): SocketMessage {
  const { type, id, payload } = envelope;
  return { type, action: payloadString(payload, 'action'), eventType: payloadString(payload, 'type'), id, payload, ts };
}
