import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  absAmount, AMOUNT_SCALE, amountFromNumber, amountToNumber, divAmount, formatAmount, maxAmount, minAmount, mulAmount, parseAmount,
} from '../../../src/core/index.js';

describe('parseAmount', () => {
  it.each([
    ['150', 15_000_000_000n],
    ['150.00', 15_000_000_000n],
    ['0.5', 50_000_000n],
    ['-0.5', -50_000_000n],
    ['+2.25', 225_000_000n],
    ['  7.1  ', 710_000_000n],
    ['0.00000001', 1n],
    ['-123.45678901', -12_345_678_901n],
  ])('parses %j exactly', (text, value) => {
    expect(parseAmount(text)).toBe(value);
  });

  it.each([
    ['1.000000004', 100_000_000n],
    ['1.000000006', 100_000_001n],
    ['1.000000005', 100_000_000n],
    ['1.000000015', 100_000_002n],
    ['1.0000000050001', 100_000_001n],
    ['1.000000025', 100_000_002n],
    ['-1.000000015', -100_000_002n],
    ['-1.000000005', -100_000_000n],
    ['0.999999995', 100_000_000n],
  ])('rounds %j half-even at the 9th decimal', (text, value) => {
    expect(parseAmount(text)).toBe(value);
  });

  it.each(['', ' ', 'abc', '1e5', 'NaN', 'Infinity', '.5', '5.', '1,000', '1.2.3', '--1', '0x10', '1 000'])('returns undefined for %j', (text) => {
    expect(parseAmount(text)).toBeUndefined();
  });

  it('keeps huge values exact (no float on the way)', () => {
    expect(parseAmount('12345678901234567890.12345678')).toBe(1_234_567_890_123_456_789_012_345_678n);
  });
});

describe('amountFromNumber and amountToNumber', () => {
  it('convert integers, decimals and negatives', () => {
    expect(amountFromNumber(150)).toBe(150n * AMOUNT_SCALE);
    expect(amountFromNumber(0.1)).toBe(10_000_000n);
    expect(amountFromNumber(-45.37)).toBe(-4_537_000_000n);
    expect(amountFromNumber(123_456_789.5)).toBe(12_345_678_950_000_000n);
    expect(amountToNumber(amountFromNumber(101.37))).toBe(101.37);
  });

  it('equal the eight-decimal rounding of toFixed(8) for any double, fast path or not', () => {
    const exact = (x: number): bigint | undefined => parseAmount(x.toFixed(8));
    const prices = fc.tuple(fc.integer({ min: -2_000_000_000, max: 2_000_000_000 }), fc.integer({ min: 0, max: 8 }))
      .map(([m, d]) => m / 10 ** d);
    fc.assert(fc.property(fc.oneof(prices, fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 })), (x) => {
      expect(amountFromNumber(x)).toBe(exact(x));
    }), { numRuns: 20_000 });
    // Just past the fast path's bound, ties at the ninth decimal, and -0.
    for (const x of [1_048_575.12345678, 1_048_576.5, -1_048_576.25, 0.123456785, 2.000000005, -0]) expect(amountFromNumber(x)).toBe(exact(x));
  });

  it('throws RangeError on NaN and infinities', () => {
    expect(() => amountFromNumber(Number.NaN)).toThrow(RangeError);
    expect(() => amountFromNumber(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe('mulAmount and divAmount', () => {
  it('multiply exactly', () => {
    expect(mulAmount(parseAmount('100') ?? 0n, parseAmount('50.25') ?? 0n)).toBe(parseAmount('5025'));
    expect(mulAmount(parseAmount('-3') ?? 0n, parseAmount('1.5') ?? 0n)).toBe(parseAmount('-4.5'));
  });

  it('agree with exact rational rounding whether or not the product divides evenly', () => {
    const reference = (a: bigint, b: bigint): bigint => {
      const n = a * b;
      const neg = n < 0n;
      const an = neg ? -n : n;
      let q = an / AMOUNT_SCALE;
      const r2 = (an % AMOUNT_SCALE) * 2n;
      if (r2 > AMOUNT_SCALE || (r2 === AMOUNT_SCALE && q % 2n === 1n)) q += 1n;
      return neg ? -q : q;
    };
    const amount = fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n });
    const whole = fc.bigInt({ min: -(10n ** 9n), max: 10n ** 9n }).map((u) => u * AMOUNT_SCALE);
    fc.assert(fc.property(fc.oneof(amount, whole), amount, (a, b) => {
      expect(mulAmount(a, b)).toBe(reference(a, b));
    }), { numRuns: 5_000 });
  });

  it('round products half-even at 8 decimals', () => {
    // 0.00000001 × 0.5 = 0.000000005 → 0 (even); 0.00000003 × 0.5 = 0.000000015 → 0.00000002 (even).
    expect(mulAmount(1n, 50_000_000n)).toBe(0n);
    expect(mulAmount(3n, 50_000_000n)).toBe(2n);
    expect(mulAmount(-3n, 50_000_000n)).toBe(-2n);
    expect(mulAmount(1n, 60_000_000n)).toBe(1n);
  });

  it('divide and round half-even at 8 decimals', () => {
    expect(divAmount(parseAmount('10') ?? 0n, parseAmount('4') ?? 0n)).toBe(parseAmount('2.5'));
    expect(divAmount(parseAmount('1') ?? 0n, parseAmount('3') ?? 0n)).toBe(parseAmount('0.33333333'));
    expect(divAmount(parseAmount('2') ?? 0n, parseAmount('3') ?? 0n)).toBe(parseAmount('0.66666667'));
    expect(divAmount(parseAmount('-2') ?? 0n, parseAmount('3') ?? 0n)).toBe(parseAmount('-0.66666667'));
    expect(divAmount(parseAmount('2') ?? 0n, parseAmount('-3') ?? 0n)).toBe(parseAmount('-0.66666667'));
    // 0.00000005 / 2 = 0.000000025 → 0.00000002 (even); 0.00000007 / 2 → 0.00000004.
    expect(divAmount(5n, 2n * AMOUNT_SCALE)).toBe(2n);
    expect(divAmount(7n, 2n * AMOUNT_SCALE)).toBe(4n);
  });

  it('throws RangeError when dividing by zero', () => {
    expect(() => divAmount(AMOUNT_SCALE, 0n)).toThrow(RangeError);
  });
});

describe('formatAmount', () => {
  it.each([
    [15_000_000_000n, 0, '150'],
    [15_000_000_000n, 2, '150.00'],
    [15_050_000_000n, 2, '150.50'],
    [15_012_345_000n, 2, '150.12345'],
    [-5_000_000n, 0, '-0.05'],
    [-5_000_000n, 4, '-0.0500'],
    [1n, 0, '0.00000001'],
    [0n, 0, '0'],
    [0n, 2, '0.00'],
  ])('formats %s with minDecimals %i as %j', (value, min, text) => {
    expect(formatAmount(value, min)).toBe(text);
  });

  it('round-trips through parseAmount', () => {
    for (const text of ['0.1', '-42.00000001', '99999999999.99999999']) expect(parseAmount(formatAmount(parseAmount(text) ?? 0n))).toBe(parseAmount(text));
  });
});

describe('absAmount, minAmount, maxAmount', () => {
  it('work on signed values', () => {
    expect(absAmount(-5n)).toBe(5n);
    expect(absAmount(5n)).toBe(5n);
    expect(minAmount(-1n, 2n)).toBe(-1n);
    expect(maxAmount(-1n, 2n)).toBe(2n);
  });
});
