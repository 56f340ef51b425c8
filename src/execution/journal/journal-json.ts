import { formatAmount } from '../../core/index.js';

/** Parameter keys that may hold credentials; their values never reach the journal. */
const SECRET_KEY = /secret|token|password|passwd|authorization|api[-_]?key|credential|verifier/i;

/**
 * Returns `value` as JSON with every bigint written as its exact decimal string. All bigints in the
 * domain are core Amounts, so `formatAmount` is the right reading of each.
 */
export function toJournalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? formatAmount(v) : v));
}

/** Returns a copy of `params` with values under secret-looking keys replaced, at any depth. */
export function redactSecrets(params: unknown): unknown {
  if (Array.isArray(params)) return params.map((item) => redactSecrets(item));
  if (params === null || typeof params !== 'object') return params;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(params)) {
    out[key] = SECRET_KEY.test(key) ? '[redacted]' : redactSecrets(value);
  }
  return out;
}
