import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { formatAmount } from '../../../../src/core/index.js';
import { decimalString, marketNumber, parseWire, quantityString, requiredDecimal } from '../../../../src/aries/wire/index.js';

describe('decimalString', () => {
  it('parses decimal strings exactly', () => {
    expect(decimalString.parse('150.00')).toBe(15_000_000_000n);
    expect(decimalString.parse('-250.75')).toBe(-25_075_000_000n);
    expect(decimalString.parse('0.00000001')).toBe(1n);
  });
  it('treats the empty string as unset', () => {
    expect(decimalString.parse('')).toBeUndefined();
    expect(requiredDecimal.safeParse('').success).toBe(false);
  });
  it.each(['NaN', '1e5', '1.5E-3', 'abc', ' 1', '1.', '.5', '0x10', 'Infinity'])('refuses %j', (text) => {
    expect(decimalString.safeParse(text).success).toBe(false);
  });
  it('tolerates a JSON number but refuses NaN and Infinity', () => {
    expect(decimalString.parse(12.5)).toBe(1_250_000_000n);
    expect(decimalString.safeParse(Number.NaN).success).toBe(false);
    expect(decimalString.safeParse(Number.POSITIVE_INFINITY).success).toBe(false);
  });
  it('refuses a negative quantity', () => {
    expect(quantityString.safeParse('-1').success).toBe(false);
    expect(quantityString.parse('0')).toBe(0n);
  });
  it('round-trips any 8-decimal value exactly', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), (n) => {
        const text = formatAmount(n, 2);
        expect(decimalString.parse(text)).toBe(n);
      }),
    );
  });
});

describe('marketNumber', () => {
  it('refuses NaN, Infinity and strings', () => {
    expect(marketNumber.safeParse(190.01).success).toBe(true);
    expect(marketNumber.safeParse(Number.NaN).success).toBe(false);
    expect(marketNumber.safeParse(Number.NEGATIVE_INFINITY).success).toBe(false);
    expect(marketNumber.safeParse('190.01').success).toBe(false);
  });
});

describe('parseWire', () => {
  it('returns the value on success', () => {
    expect(parseWire(requiredDecimal, '1', 'qty')).toEqual({ ok: true, value: 100_000_000n });
  });
  it('returns a problem naming what and the field, without echoing the value', () => {
    const r = parseWire(requiredDecimal, 'secret-garbage', 'qty');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problem).toContain('malformed qty');
      expect(r.problem).not.toContain('secret-garbage');
    }
  });
});
