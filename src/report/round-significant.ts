/** The number of significant digits every float in a report keeps. */
export const REPORT_SIGNIFICANT_DIGITS = 12;

/**
 * Returns `value` rounded to `digits` significant digits, or `null` when it is null, NaN or
 * infinite. Rounding hides the last-bit noise of float arithmetic so reports diff cleanly;
 * negative zero becomes zero for the same reason.
 */
export function roundSignificant(value: number | null, digits = REPORT_SIGNIFICANT_DIGITS): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  const rounded = Number(value.toPrecision(digits));
  return rounded === 0 ? 0 : rounded;
}
