import { z } from 'zod';

/** A client message the sockets act on. */
export type ClientMessage =
  | { readonly kind: 'auth'; readonly id: string | undefined; readonly token: string }
  | { readonly kind: 'ping'; readonly id: string | undefined }
  | { readonly kind: 'subscribe' | 'unsubscribe'; readonly id: string | undefined; readonly payload: unknown }
  | { readonly kind: 'invalid'; readonly id: string | undefined; readonly reason: string };

const envelopeSchema = z.object({
  type: z.string().optional(),
  action: z.string().optional(),
  id: z.union([z.string(), z.number()]).optional(),
  payload: z.unknown().optional(),
});

// Method case and `body.action` are not checked: the docs disagree on both (aries-api.md §8.1).
const requestSchema = z.object({
  method: z.string(),
  path: z.string(),
  body: z.object({ token: z.unknown().optional() }).optional(),
});

function request(id: string | undefined, payload: unknown): ClientMessage {
  const parsed = requestSchema.safeParse(payload);
  if (!parsed.success) return { kind: 'invalid', id, reason: 'malformed request' };
  const { method, path, body } = parsed.data;
  if (path !== '/auth' || method.toLowerCase() !== 'post') return { kind: 'invalid', id, reason: `unknown request ${path}` };
  const token = body?.token;
  return typeof token === 'string' && token.length > 0 ? { kind: 'auth', id, token } : { kind: 'invalid', id, reason: 'token is required' };
}

function classify(value: unknown): ClientMessage {
  const parsed = envelopeSchema.safeParse(value);
  if (!parsed.success) return { kind: 'invalid', id: undefined, reason: 'malformed message' };
  const { type, action, payload } = parsed.data;
  const id = parsed.data.id === undefined ? undefined : String(parsed.data.id);
  if (type === 'ping' || (type === undefined && action === 'ping')) return { kind: 'ping', id };
  if (type === 'request') return request(id, payload);
  if (type === 'subscribe' || type === 'unsubscribe') return { kind: type, id, payload };
  return { kind: 'invalid', id, reason: `unknown message type ${type ?? '(none)'}` };
}

/** Returns the messages of one client frame (one JSON object per non-blank line); bad lines become `invalid`. */
export function parseClientFrame(text: string): ClientMessage[] {
  const out: ClientMessage[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      out.push({ kind: 'invalid', id: undefined, reason: 'malformed message' });
      continue;
    }
    out.push(classify(value));
  }
  return out;
}
