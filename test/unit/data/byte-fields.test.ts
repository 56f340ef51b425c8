import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysFromCivil, decimalAt, isoAt, ymdAt } from '../../../src/data/byte-fields.js';
import { parseIsoTimestamp } from '../../../src/data/parse-iso-timestamp.js';
import { parseNumberField } from '../../../src/data/parse-number-field.js';

/** Returns what a byte parser gives for the whole text followed by `,` (as inside a row), or NaN if it stops early. */
function whole(parse: typeof decimalAt, text: string): number {
  const bytes = Buffer.from(`${text},`, 'latin1');
  const at = { pos: -1 };
  const value = parse(bytes, 0, text.length, at);
  return at.pos === text.length ? value : Number.NaN;
}

/** Returns what the string parser gives, or NaN when it throws. */
function viaString(parse: () => number): number {
  try {
    return parse();
  } catch {
    return Number.NaN;
  }
}

const digits = (min: number, max: number): fc.Arbitrary<string> =>
  fc.array(fc.constantFrom(...'0123456789'), { minLength: min, maxLength: max }).map((d) => d.join(''));
const two = (max: number): fc.Arbitrary<string> => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, '0'));

/** ISO timestamps in every form the string parser knows, sometimes out of range. */
const isoText = fc.record({
  year: fc.integer({ min: 1890, max: 2200 }).map(String),
  month: two(13), day: two(32), hour: two(24), minute: two(60), second: two(60),
  t: fc.constantFrom('T', 't'),
  form: fc.constantFrom('HH:MM', 'HH:MM:SS', 'frac'),
  frac: digits(1, 10),
  zone: fc.oneof(fc.constantFrom('Z', 'z', ''), fc.tuple(fc.constantFrom('+', '-'), two(24), fc.constantFrom(':', '', 'none'), two(60))
    .map(([sign, h, sep, m]) => (sep === 'none' ? `${sign}${h}` : `${sign}${h}${sep}${m}`))),
}).map((p) => {
  const time = p.form === 'HH:MM' ? `${p.hour}:${p.minute}` : p.form === 'HH:MM:SS' ? `${p.hour}:${p.minute}:${p.second}` : `${p.hour}:${p.minute}:${p.second}.${p.frac}`;
  return `${p.year}-${p.month}-${p.day}${p.t}${time}${p.zone}`;
});

describe('byte field parsers', () => {
  it('read plain decimals exactly as Number() does, bit for bit', () => {
    fc.assert(fc.property(digits(0, 20), fc.boolean(), digits(0, 25), (int, dot, frac) => {
      const text = dot ? `${int}.${frac}` : int;
      const fast = whole(decimalAt, text);
      const slow = viaString(() => parseNumberField(text, 'x', 'f', 1));
      // The fast path may decline (NaN) but never disagrees.
      if (!Number.isNaN(fast)) expect(Object.is(fast, slow)).toBe(true);
      const count = int.length + (dot ? frac.length : 0);
      if (count > 0 && count <= 15) expect(Number.isNaN(fast)).toBe(false);
    }), { numRuns: 5000 });
  });

  it('stay exact for small mantissas at many decimal places', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 30 }), digits(1, 16), (zeros, tail) => {
      const text = `0.${'0'.repeat(zeros)}${tail}`;
      const fast = whole(decimalAt, text);
      if (!Number.isNaN(fast)) expect(Object.is(fast, Number(text))).toBe(true);
    }), { numRuns: 5000 });
  });

  it('reads 4-decimal prices and long decimals up to 2^53 and 22 places', () => {
    for (const text of ['100.0853', '0.0001', '9007199254740991', '0.9007199254740991', '0.0000000000000000000001', '5.', '.5', '0']) {
      expect(whole(decimalAt, text)).toBe(Number(text));
    }
    for (const text of ['9007199254740993', '1.00000000000000000000001', '', '.', '-1', '+1', '1e5', '1..2', ' 1', 'null']) {
      expect(whole(decimalAt, text)).toBeNaN();
    }
  });

  it('read ISO timestamps as parseIsoTimestamp does, and decline what it rejects', () => {
    fc.assert(fc.property(isoText, (text) => {
      const fast = whole(isoAt, text);
      const slow = viaString(() => parseIsoTimestamp(text, 'f', 1));
      expect(Object.is(fast, slow) || Number.isNaN(fast)).toBe(true);
      // Everything the string parser accepts is understood by the byte parser too.
      expect(Number.isNaN(fast)).toBe(Number.isNaN(slow));
    }), { numRuns: 5000 });
  });

  it('reads the common exact forms', () => {
    for (const text of ['2020-01-02T14:30:00.000Z', '2024-01-02T09:30:00-05:00', '2024-02-29T23:59:59.999+14:00', '1900-01-01T00:00Z']) {
      expect(whole(isoAt, text)).toBe(parseIsoTimestamp(text, 'f', 1));
    }
    for (const text of ['2024-01-02T14:31:00', '2024-01-02 14:31', '2023-02-29T00:00:00Z', '1899-12-31T00:00:00Z', '2024-01-02T14:30:00.Z', '2024-01-02T14:30:00+0']) {
      expect(whole(isoAt, text)).toBeNaN();
    }
  });

  it('counts days exactly as Date.UTC does', () => {
    fc.assert(fc.property(fc.integer({ min: 1900, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), (y, m, d) => {
      expect(daysFromCivil(y, m, d) * 86_400_000).toBe(Date.UTC(y, m - 1, d));
    }), { numRuns: 2000 });
  });

  it('reads YYYY-MM-DD dates and declines impossible ones', () => {
    expect(whole(ymdAt, '2024-02-29')).toBe(Date.UTC(2024, 1, 29) / 86_400_000);
    for (const text of ['2023-02-29', '2024/01/03', '2024-1-03', '1899-12-31']) expect(whole(ymdAt, text)).toBeNaN();
  });
});
