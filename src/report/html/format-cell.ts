const MISSING = 'n/a';

/**
 * Returns a fraction as a percentage with two decimals (`0.0566` → `5.66%`), or `n/a` for null;
 * the same convention as the console summary, so the page and the console show equal figures.
 */
export function formatPercent(value: number | null): string {
  return value === null ? MISSING : `${formatFixed(value * 100)}%`;
}

/** Returns `value` with two decimals (never `-0.00`), or `n/a` for null, as the console summary does. */
export function formatFixed(value: number | null): string {
  if (value === null) return MISSING;
  const text = value.toFixed(2);
  return text === '-0.00' ? '0.00' : text;
}

/** Returns `value` as text, or `n/a` for null. */
export function formatText(value: string | number | null): string {
  return value === null ? MISSING : String(value);
}
