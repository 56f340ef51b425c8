import type { IncomingMessage } from 'node:http';

const MAX_BODY = 1_000_000;

/** A request body: parsed JSON or form fields, nothing, or a problem. */
export type BodyResult = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly problem: string };

/** Returns the request body parsed as JSON, or as form fields for `application/x-www-form-urlencoded`. */
export async function readBody(req: IncomingMessage): Promise<BodyResult> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buf.length;
    if (size > MAX_BODY) return { ok: false, problem: 'request body too large' };
    chunks.push(buf);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return { ok: true, value: undefined };
  if ((req.headers['content-type'] ?? '').includes('application/x-www-form-urlencoded')) {
    return { ok: true, value: Object.fromEntries(new URLSearchParams(text)) };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, problem: 'request body is not valid JSON' };
  }
}
