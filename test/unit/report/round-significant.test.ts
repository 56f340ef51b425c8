import { describe, expect, it } from 'vitest';
import { roundSignificant } from '../../../src/report/index.js';

describe('roundSignificant', () => {
  it('keeps 12 significant digits by default', () => {
    expect(roundSignificant(2 / 3)).toBe(0.666666666667);
    expect(roundSignificant(0.1 + 0.2)).toBe(0.3);
    expect(roundSignificant(123456.7890123456)).toBe(123456.789012);
    expect(roundSignificant(-0.00012345678901234)).toBe(-0.000123456789012);
  });

  it('honours a custom digit count', () => {
    expect(roundSignificant(1234.5678, 3)).toBe(1230);
  });

  it('maps null, NaN and infinities to null and negative zero to zero', () => {
    expect(roundSignificant(null)).toBeNull();
    expect(roundSignificant(Number.NaN)).toBeNull();
    expect(roundSignificant(Number.POSITIVE_INFINITY)).toBeNull();
    expect(Object.is(roundSignificant(-0), 0)).toBe(true);
  });
});
