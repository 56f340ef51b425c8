import { formatAmount, type Amount, type EpochMs } from '../../core/index.js';

/** Returns a money or price amount as a decimal string with at least two places (`"150.00"`). */
export function money(a: Amount): string {
  return formatAmount(a, 2);
}

/** Returns a quantity as a plain decimal string (`"10"`, `"0.5"`). */
export function quantity(a: Amount): string {
  return formatAmount(a);
}

/** Returns an optional price as a decimal string, or `""` (unset) as Aries sends it. */
export function optionalPrice(a: Amount | undefined): string {
  return a === undefined ? '' : money(a);
}

/** Returns an RFC 3339 UTC timestamp with second precision (`"2026-01-15T14:30:05Z"`). */
export function rfc3339(ts: EpochMs): string {
  return new Date(Math.floor(ts / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}
