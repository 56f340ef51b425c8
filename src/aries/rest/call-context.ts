/** What error messages may say about a call: method and path (no query, no headers). */
export interface CallContext {
  readonly method: string;
  readonly path: string;
  /** Values that must never appear in a message (the bearer token in use). */
  readonly secrets: readonly string[];
}

/** Returns `text` with every secret of the call replaced by `[redacted]`. */
export function redact(text: string, ctx: CallContext): string {
  let out = text;
  for (const secret of ctx.secrets) {
    if (secret.length >= 4) out = out.split(secret).join('[redacted]');
  }
  return out;
}

/** Returns `METHOD /path` for messages. */
export function describeCall(ctx: CallContext): string {
  return `Aries ${ctx.method} ${ctx.path}`;
}
