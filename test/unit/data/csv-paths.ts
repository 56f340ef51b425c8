import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isRunnerError, type Bar, type Symbol } from '../../../src/core/index.js';
import { genericRowParser } from '../../../src/data/generic-row-parser.js';
import { streamBarBatches, type RowParser, type StreamBarOptions } from '../../../src/data/stream-bars.js';
import { yahooRowParser } from '../../../src/data/yahoo-row-parser.js';
import { tempDir } from '../../support/temp-dir.js';
import { sessionOf } from './fixtures.js';

/** Test support for comparing the byte fast path with the string path on the same files. */

export type ParserFor = (path: string) => (header: readonly string[]) => RowParser;

export const genericFor: ParserFor = (path) => (h) => genericRowParser(h, { path, symbol: 'T' as Symbol, intervalMs: 60_000 });
export const yahooFor = (adjusted: boolean): ParserFor => (path) => (h) => yahooRowParser(h, { path, symbol: 'Y' as Symbol, sessionOf, adjusted });

/** Returns a number's IEEE bits, so comparisons see -0 and every last bit. */
export function bitsOf(x: number): string {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  return view.getBigUint64(0).toString(16);
}

/** Returns a bar as comparable text, numbers as their bits. */
export function barBits(b: Bar): string {
  return [b.kind, b.symbol, ...[b.ts, b.tsEnd, b.open, b.high, b.low, b.close, b.volume].map(bitsOf)].join(' ');
}

/** What reading a file gave: every bar (as bits) and the error that ended it, if any. */
export interface Outcome {
  readonly bars: string[];
  readonly error?: string;
}

/** Returns the outcome of streaming `path` with the given reader options. */
export async function outcome(path: string, parserFor: ParserFor, options: StreamBarOptions, range = { from: -Infinity, to: Infinity }): Promise<Outcome> {
  const bars: string[] = [];
  try {
    for await (const batch of streamBarBatches(path, parserFor(path), range, options)) bars.push(...batch.map(barBits));
  } catch (error) {
    return { bars, error: isRunnerError(error) ? `${error.code} ${error.message}` : String(error) };
  }
  return { bars };
}

/** Returns a parser factory that counts the rows handed to the string parser (`toBar`). */
export function countingToBar(inner: ParserFor): { parserFor: ParserFor; calls: () => number } {
  let calls = 0;
  const parserFor: ParserFor = (path) => (h) => {
    const p = inner(path)(h);
    return { ...p, toBar: (f, line) => { calls += 1; return p.toBar(f, line); } };
  };
  return { parserFor, calls: () => calls };
}

/** A scratch folder for generated files (removed after the test or file that made it). */
export class Scratch {
  readonly dir = tempDir('aries-csv-test-');
  private n = 0;

  /** Writes a file and returns its path. */
  file(content: string | Uint8Array, ext = '.csv'): string {
    this.n += 1;
    const path = join(this.dir, `T${this.n}${ext}`);
    writeFileSync(path, content);
    return path;
  }
}
