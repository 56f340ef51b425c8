import { REDACTED } from './secret-registry.js';
import type { SecretRegistry } from './secret-registry.js';

/** Key names whose values are always redacted, compared case-insensitively. */
export const SENSITIVE_KEYS: ReadonlySet<string> = new Set([
  'access_token',
  'refresh_token',
  'id_token',
  'code',
  'code_verifier',
  'client_secret',
  'authorization',
  'cookie',
  'password',
  'set-cookie',
  // camelCase spellings used by our own types
  'accesstoken',
  'refreshtoken',
  'idtoken',
  'codeverifier',
  'clientsecret',
]);

const MAX_DEPTH = 12;
const ERROR_CODE = /^[A-Z][A-Z0-9_]*$/;

function redactError(error: Error, secrets: SecretRegistry | undefined, seen: WeakSet<object>, depth: number): Record<string, unknown> {
  const out: Record<string, unknown> = { type: error.name, message: scrubString(error.message, secrets) };
  if (error.stack !== undefined) out['stack'] = scrubString(error.stack, secrets);
  for (const [key, value] of Object.entries(error)) {
    // An error's `code` is a stable identifier such as ARIES_ERR_…, not an OAuth code.
    const isErrorCode = key === 'code' && typeof value === 'string' && ERROR_CODE.test(value);
    out[key] = isErrorCode ? scrubString(value, secrets) : redactEntry(key, value, secrets, seen, depth + 1);
  }
  if (error.cause !== undefined) out['cause'] = walk(error.cause, secrets, seen, depth + 1);
  return out;
}

function scrubString(text: string, secrets: SecretRegistry | undefined): string {
  return secrets === undefined ? text : secrets.scrub(text);
}

function redactEntry(key: string, value: unknown, secrets: SecretRegistry | undefined, seen: WeakSet<object>, depth: number): unknown {
  if (SENSITIVE_KEYS.has(key.toLowerCase()) && value !== undefined && value !== null) return REDACTED;
  return walk(value, secrets, seen, depth);
}

function walk(value: unknown, secrets: SecretRegistry | undefined, seen: WeakSet<object>, depth: number): unknown {
  if (typeof value === 'string') return scrubString(value, secrets);
  if (typeof value !== 'object' || value === null) return value;
  if (depth > MAX_DEPTH) return '[MaxDepth]';
  if (seen.has(value)) return '[Circular]';
  seen.add(value);
  if (value instanceof Error) return redactError(value, secrets, seen, depth);
  if (Array.isArray(value)) return value.map((item: unknown) => walk(item, secrets, seen, depth + 1));
  if (value instanceof Date) return value;
  if (value instanceof Map) return walk(Object.fromEntries(value), secrets, seen, depth + 1);
  if (value instanceof Set) return walk([...value], secrets, seen, depth + 1);
  if (ArrayBuffer.isView(value)) return '[Binary]';
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = redactEntry(key, item, secrets, seen, depth + 1);
  return out;
}

/**
 * Returns a redacted deep copy of the value: values under {@link SENSITIVE_KEYS} at any depth
 * become `[REDACTED]`, any string containing a registered secret becomes `[REDACTED]`, and
 * errors become plain objects with scrubbed message and stack. The input is not mutated.
 */
export function redactValue(value: unknown, secrets?: SecretRegistry): unknown {
  return walk(value, secrets, new WeakSet<object>(), 0);
}
