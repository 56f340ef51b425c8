import fc from 'fast-check';

/** fast-check generators of CSV bar files (text), mostly valid, sometimes with a bad field. */

const digitString = (min: number, max: number): fc.Arbitrary<string> =>
  fc.array(fc.constantFrom(...'0123456789'), { minLength: min, maxLength: max }).map((d) => d.join(''));

/** Writes integer `n` with `k` decimals (`12345`, 2 → `123.45`); keeps the order of values. */
function withDecimals(n: bigint, k: number): string {
  if (k === 0) return n.toString();
  const s = n.toString().padStart(k + 1, '0');
  return `${s.slice(0, -k)}.${s.slice(-k)}`;
}

/** Odd spellings the fast path may decline but the string path accepts or rejects. */
const ODD_NUMBERS = ['1e2', '+5', '-0', '', 'abc', 'NaN', 'null', ' 5', '1.2.3', '.', '5.', '.5', '00012.50', '1e400'];
const ODD_TIMES = ['2024-01-02 14:31', '2024-01-02T14:31:00', '2024-02-30T00:00:00Z', 'x', ''];

/** Four prices in OHLC order of value (low, open, close, high), as text with `k` decimals. */
const ohlc = fc.record({
  k: fc.integer({ min: 0, max: 22 }),
  // Mostly mantissas the fast path takes; some past 2^53, which go to the string parser.
  low: fc.oneof({ arbitrary: fc.bigInt({ min: 1n, max: 10n ** 12n }), weight: 8 }, { arbitrary: fc.bigInt({ min: 1n, max: 10n ** 18n }), weight: 1 }),
  spread: fc.array(fc.bigInt({ min: 0n, max: 10n ** 6n }), { minLength: 3, maxLength: 3 }),
  swap: fc.boolean(),
}).map(({ k, low, spread, swap }) => {
  const a = low + (spread[0] ?? 0n);
  const b = a + (spread[1] ?? 0n);
  const high = b + (spread[2] ?? 0n);
  const [open, close] = swap ? [b, a] : [a, b];
  return [open, high, low, close].map((n) => withDecimals(n, k));
});

const volume = fc.oneof(fc.integer({ min: 0, max: 10_000_000 }).map(String), fc.tuple(digitString(1, 8), digitString(1, 6)).map(([i, f]) => `${i}.${f}`));

/** One field replaced by an odd spelling, now and then. */
const oddity = fc.oneof(
  { arbitrary: fc.constant(null), weight: 60 },
  { arbitrary: fc.record({ column: fc.nat(), number: fc.constantFrom(...ODD_NUMBERS), time: fc.constantFrom(...ODD_TIMES) }), weight: 1 },
);

/** Returns `ts` written in one of the ISO forms the readers accept. */
function isoText(ts: number, form: number): string {
  const iso = new Date(ts).toISOString();
  switch (form) {
    case 0: return iso;
    case 1: return iso.replace('.000Z', 'Z');
    case 2: {
      const local = new Date(ts - 5 * 3_600_000).toISOString().slice(0, 23);
      return `${local}-05:00`;
    }
    case 3: return iso.replace('T', 't').replace('Z', '+00');
    default: return `${new Date(ts + 330 * 60_000).toISOString().slice(0, 23)}000+0530`;
  }
}

/** Line layout of a generated file. */
const layout = fc.record({
  crlf: fc.boolean(),
  bom: fc.boolean(),
  trailingBreak: fc.boolean(),
  blankEvery: fc.integer({ min: 0, max: 6 }),
});

function joinLines(lines: readonly string[], l: { crlf: boolean; bom: boolean; trailingBreak: boolean; blankEvery: number }): string {
  const eol = l.crlf ? '\r\n' : '\n';
  const out: string[] = [];
  lines.forEach((line, i) => {
    out.push(line);
    if (l.blankEvery > 0 && i % l.blankEvery === l.blankEvery - 1) out.push('');
  });
  return (l.bom ? '\uFEFF' : '') + out.join(eol) + (l.trailingBreak ? eol : '');
}

const GENERIC_COLUMNS = ['timestamp', 'open', 'high', 'low', 'close', 'volume'];

/** A generic OHLCV file: columns in a random order and case, increasing timestamps in mixed ISO forms. */
export const genericFile: fc.Arbitrary<string> = fc.record({
  order: fc.shuffledSubarray(GENERIC_COLUMNS, { minLength: 6, maxLength: 6 }),
  upper: fc.boolean(),
  start: fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2040, 0, 1) }),
  rows: fc.array(fc.record({ step: fc.integer({ min: 1, max: 3_000_000 }), form: fc.integer({ min: 0, max: 4 }), prices: ohlc, volume, odd: oddity }), { minLength: 1, maxLength: 40 }),
  layout,
}).map(({ order, upper, start, rows, layout: l }) => {
  const header = order.map((c) => (upper ? c.toUpperCase() : c)).join(',');
  let ts = start;
  const lines = rows.map((r) => {
    ts += r.step;
    const [open, high, low, close] = r.prices;
    const values: Record<string, string> = { timestamp: isoText(ts, r.form), open: open ?? '', high: high ?? '', low: low ?? '', close: close ?? '', volume: r.volume };
    const fields = order.map((c) => values[c] ?? '');
    if (r.odd !== null) {
      const j = r.odd.column % 6;
      fields[j] = order[j] === 'timestamp' ? r.odd.time : r.odd.number;
    }
    return fields.join(',');
  });
  return joinLines([header, ...lines], l);
});

/** A Yahoo daily file: increasing dates (some of them exchange holidays in the test calendar). */
export const yahooFile: fc.Arbitrary<string> = fc.record({
  start: fc.integer({ min: Date.UTC(1996, 0, 1), max: Date.UTC(2030, 0, 1) }),
  rows: fc.array(fc.record({ step: fc.integer({ min: 1, max: 4 }), prices: ohlc, adj: ohlc, volume, odd: oddity }), { minLength: 1, maxLength: 30 }),
  layout,
}).map(({ start, rows, layout: l }) => {
  let day = Math.floor(start / 86_400_000);
  const lines = rows.map((r) => {
    day += r.step;
    const [open, high, low, close] = r.prices;
    const fields = [new Date(day * 86_400_000).toISOString().slice(0, 10), open ?? '', high ?? '', low ?? '', close ?? '', r.adj[3] ?? '', r.volume];
    if (r.odd !== null) {
      const j = r.odd.column % 7;
      fields[j] = j === 0 ? r.odd.time : r.odd.number;
    }
    return fields.join(',');
  });
  return joinLines(['Date,Open,High,Low,Close,Adj Close,Volume', ...lines], l);
});

/** Chunk sizes that put chunk ends inside rows, inside a BOM and inside `\r\n`. */
export const chunkBytes = fc.constantFrom(1, 2, 3, 4, 7, 13, 64, 1 << 20);
