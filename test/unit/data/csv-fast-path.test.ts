import { readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chunkBytes, genericFile, yahooFile } from './csv-gen.js';
import { countingToBar, genericFor, outcome, Scratch, yahooFor, type ParserFor } from './csv-paths.js';
import { fixture, YHOO } from './fixtures.js';

const scratch = new Scratch();

const T0 = Date.UTC(2024, 0, 2, 14, 30);
const HEADER = 'timestamp,open,high,low,close,volume';
const ROWS = ['2024-01-02T14:30:00.000Z,10.5,11.25,10.125,11,100', '2024-01-02T14:31:00.000Z,11,11.5,10.75,11.375,250.5', '2024-01-02T14:32:00Z,11.375,12,11,11.5,0'];

/**
 * Asserts the byte path gives the string path's outcome at every chunk size listed. Before an
 * error, the bars yielded may differ in count only: csv-parse's batches drop the good bars of a
 * batch ending in an error, and a smaller chunk may have yielded them before the hand-over.
 */
async function expectSameAsStrings(path: string, parserFor: ParserFor, chunks: readonly (number | undefined)[] = [undefined, 1, 2, 3, 5, 16]): Promise<void> {
  const expected = await outcome(path, parserFor, { reader: 'strings' });
  for (const size of chunks) {
    const got = await outcome(path, parserFor, size === undefined ? {} : { chunkBytes: size });
    if (size === undefined || expected.error === undefined) {
      expect(got, `chunkBytes ${String(size)}`).toEqual(expected);
    } else {
      expect(got.error, `chunkBytes ${String(size)}`).toBe(expected.error);
      const n = Math.min(got.bars.length, expected.bars.length);
      expect(got.bars.slice(0, n)).toEqual(expected.bars.slice(0, n));
    }
  }
}

describe('CSV byte fast path', () => {
  it('gives the string path bars bit for bit, and the same errors, on generated generic files', async () => {
    await fc.assert(fc.asyncProperty(genericFile, chunkBytes, async (text, size) => {
      const path = scratch.file(text);
      expect(await outcome(path, genericFor, { chunkBytes: size })).toEqual(await outcome(path, genericFor, { reader: 'strings' }));
    }), { numRuns: 200 });
  });

  it('gives the string path bars bit for bit, and the same errors, on generated Yahoo files', async () => {
    await fc.assert(fc.asyncProperty(yahooFile, fc.boolean(), chunkBytes, async (text, adjusted, size) => {
      const path = scratch.file(text);
      expect(await outcome(path, yahooFor(adjusted), { chunkBytes: size })).toEqual(await outcome(path, yahooFor(adjusted), { reader: 'strings' }));
    }), { numRuns: 100 });
  });

  it('parses plain rows without the string parser', async () => {
    const counting = countingToBar(genericFor);
    const path = scratch.file([HEADER, ...ROWS, ''].join('\n'));
    const got = await outcome(path, counting.parserFor, {});
    expect(got.bars).toHaveLength(3);
    expect(got.error).toBeUndefined();
    expect(counting.calls()).toBe(0);
    // A row the fast path does not read (an exponent) goes to the string parser, with the same bar.
    const odd = scratch.file([HEADER, ROWS[0], '2024-01-02T14:31:00Z,1.1e1,11.5,10.75,11.375,250.5', ''].join('\n'));
    await expectSameAsStrings(odd, counting.parserFor);
    expect(counting.calls()).toBeGreaterThan(0);
  });

  it('reads the real Yahoo sample without the string parser, as the string path does', async () => {
    for (const adjusted of [false, true]) {
      const counting = countingToBar(yahooFor(adjusted));
      const got = await outcome(YHOO, counting.parserFor, {});
      expect(got.bars).toHaveLength(4713);
      expect(counting.calls()).toBe(0);
      expect(got).toEqual(await outcome(YHOO, yahooFor(adjusted), { reader: 'strings' }));
    }
  });

  it.each([
    ['LF', '\n', ''],
    ['CRLF', '\r\n', ''],
    ['BOM + CRLF', '\r\n', '\uFEFF'],
    ['BOM + LF', '\n', '\uFEFF'],
  ])('reads %s files, with blank lines and a last line without a break, at any chunk size', async (_name, eol, bom) => {
    const path = scratch.file(`${bom}${HEADER}${eol}${eol}${ROWS[0]}${eol}${eol}${eol}${ROWS[1]}${eol}${ROWS[2]}`);
    const got = await outcome(path, genericFor, { chunkBytes: 1 });
    expect(got.error).toBeUndefined();
    expect(got.bars).toHaveLength(3);
    for (const size of [undefined, 1, 2, 3, 4, 7, 40]) {
      expect(await outcome(path, genericFor, size === undefined ? {} : { chunkBytes: size })).toEqual(got);
    }
    // Only a BOM read whole in the first chunk is skipped by the string splitter, so compare at 1 MB.
    expect(got).toEqual(await outcome(path, genericFor, { reader: 'strings' }));
  });

  it('names the right line of a bad row after blank lines and across chunk ends', async () => {
    const path = scratch.file([HEADER, ROWS[0], '', '', '2024-01-02T14:31:00Z,11,11.5,10.75,abc,250', ''].join('\r\n'));
    for (const size of [1, 3, 8, 1 << 20]) {
      expect((await outcome(path, genericFor, { chunkBytes: size })).error).toBe(`DATA_ERR_INVALID_ROW ${path}:5: close is not a finite number: "abc"`);
    }
  });

  it('words out-of-order timestamps with both rows as written, across chunks', async () => {
    const path = scratch.file([HEADER, ROWS[1], '2024-01-02T09:30:00-05:00,11,11.5,10.75,11.375,250', ''].join('\n'));
    const reason = 'timestamps must increase: 2024-01-02T09:30:00-05:00 is not after 2024-01-02T14:31:00.000Z (line 2)';
    for (const size of [2, 50, 1 << 20]) {
      const got = await outcome(path, genericFor, { chunkBytes: size });
      expect(got.error).toBe(`DATA_ERR_INVALID_ROW ${path}:3: ${reason}`);
      expect(got.bars).toHaveLength(1);
    }
  });

  it('keeps the row checks going across the batches a large chunk is cut into', async () => {
    const rows = (n: number, at?: { row: number; text: string }): string => {
      const lines = [HEADER];
      for (let i = 0; i < n; i += 1) lines.push(at?.row === i ? at.text : `${new Date(T0 + i * 60_000).toISOString()},10.5,11.25,10.125,11,${i}`);
      return `${lines.join('\n')}\n`;
    };
    const fine = scratch.file(rows(10_000));
    const got = await outcome(fine, genericFor, {});
    expect(got.bars).toHaveLength(10_000);
    expect(got).toEqual(await outcome(fine, genericFor, { reader: 'strings' }));
    // Row 4096 is the first of the second batch cut from the first chunk; its predecessor ends the first batch.
    const late = new Date(T0 + 4094 * 60_000).toISOString();
    const unordered = scratch.file(rows(9000, { row: 4096, text: `${late},10.5,11.25,10.125,11,1` }));
    const error = `DATA_ERR_INVALID_ROW ${unordered}:4098: timestamps must increase: ${late} is not after ${new Date(T0 + 4095 * 60_000).toISOString()} (line 4097)`;
    for (const size of [undefined, 50_000]) {
      expect(await outcome(unordered, genericFor, size === undefined ? {} : { chunkBytes: size })).toMatchObject({ error });
    }
    await expectSameAsStrings(unordered, genericFor, [undefined, 50_000]);
    await expectSameAsStrings(scratch.file(rows(9000, { row: 8191, text: 'x' })), genericFor, [undefined, 50_000]);
  });

  it('keeps every fixture error (message and line) at every chunk size', async () => {
    const names = readdirSync(fixture('.')).filter((n) => n.endsWith('.csv') && !n.startsWith('empty') && !n.startsWith('header') && !n.startsWith('unknown'));
    expect(names.length).toBeGreaterThan(20);
    for (const name of names) {
      await expectSameAsStrings(fixture(name), name.startsWith('y') ? yahooFor(false) : genericFor);
    }
  });

  it('hands quoted files to csv-parse, even when the first quote comes after chunks already read', async () => {
    const quotedRow = '"2024-01-02T14:33:00Z","11.5","12.5","11","12","1,000"';
    const path = scratch.file([HEADER, ...ROWS, quotedRow, ''].join('\n'));
    for (const size of [undefined, 1, 7, 64]) {
      const got = await outcome(path, genericFor, size === undefined ? {} : { chunkBytes: size });
      // Only csv-parse reads `"1,000"` as one field; the splitter would see seven columns.
      expect(got.error).toBe(`DATA_ERR_INVALID_ROW ${path}:5: volume is not a finite number: "1,000"`);
      expect(got.bars).toHaveLength(3);
    }
    const fine = scratch.file([HEADER, ROWS[0], '"2024-01-02T14:31:00Z",11,11.5,10.75,11.375,"250"', ''].join('\n'));
    await expectSameAsStrings(fine, genericFor, [undefined, 1, 9]);
    expect((await outcome(fine, genericFor, {})).bars).toHaveLength(2);
  });

  it('hands lone and mixed carriage returns to csv-parse like the string splitter', async () => {
    for (const text of [`${HEADER}\r\n${ROWS[0]}\n${ROWS[1]}\r\n`, `${HEADER}\n${ROWS[0]}\r${ROWS[1]}\n`, `${HEADER}\n${ROWS[0]}\n${ROWS[1]}\r`, `${HEADER}\r\n${ROWS[0]}\r\n${ROWS[1]}\r`]) {
      await expectSameAsStrings(scratch.file(text), genericFor, [undefined, 1, 4, 30]);
    }
  });

  it('reads bars in range only, validating the others', async () => {
    const path = scratch.file([HEADER, ...ROWS, ''].join('\n'));
    const middle = await outcome(path, genericFor, { chunkBytes: 5 }, { from: T0 + 60_000, to: T0 + 60_000 });
    expect(middle.bars).toHaveLength(1);
    expect(middle).toEqual(await outcome(path, genericFor, { reader: 'strings' }, { from: T0 + 60_000, to: T0 + 60_000 }));
  });

  it('reports an empty file, a header-only file and a missing file as before', async () => {
    for (const path of [fixture('empty.csv'), fixture('header-only.csv'), scratch.file('\uFEFF'), scratch.file('\n\n'), `${scratch.dir}/missing.csv`]) {
      await expectSameAsStrings(path, genericFor, [undefined, 1]);
    }
  });
});
