import { createReadStream, type ReadStream } from 'node:fs';
import { NeedsFullParser, withFullParserFallback, type CsvBatch } from './csv-batches.js';

/**
 * The complete non-blank lines of one plain chunk as byte ranges: line `k` is
 * `bytes[starts[k], ends[k])` without its line break, and is physical line `lines[k]`.
 */
export interface LineBatch {
  readonly bytes: Buffer;
  readonly starts: readonly number[];
  readonly ends: readonly number[];
  readonly lines: readonly number[];
}

/** A batch of plain lines as bytes, or (after the hand-over to csv-parse) of parsed records. */
export type RawCsvBatch = LineBatch | CsvBatch;

/** Returns whether the batch holds byte ranges rather than csv-parse records. */
export function isLineBatch(batch: RawCsvBatch): batch is LineBatch {
  return 'bytes' in batch;
}

/** Internal knobs of {@link readCsvLineBatches}. */
export interface ReadCsvOptions {
  /** Bytes read at a time; default 1 MB. Tests use a few bytes to put chunk ends inside rows. */
  readonly chunkBytes?: number;
}

const CHUNK_BYTES = 1 << 20;
const LF = 10;
const CR = 13;
const QUOTE = 34;
const EMPTY = Buffer.alloc(0);

/** Line-ending state: undecided until the file's first `\n`. */
const Ending = { UNKNOWN: 0, LF: 1, CRLF: 2 } as const;
type Ending = (typeof Ending)[keyof typeof Ending];

interface SplitState {
  ending: Ending;
  line: number;
}

/**
 * Appends the complete lines of `b` to `out` and returns where the unfinished last line starts.
 * Throws `NeedsFullParser` on a quote, or a `\r` that is not part of the file's `\r\n` endings,
 * exactly where the string splitter (`readCsvBatches`) hands over.
 */
function splitChunk(b: Buffer, state: SplitState, out: { starts: number[]; ends: number[]; lines: number[] }): number {
  if (b.includes(QUOTE)) throw new NeedsFullParser();
  let start = 0;
  let lfHasCr: boolean | undefined;
  let cr = -1;
  for (let nl = b.indexOf(LF, 0); nl >= 0; nl = b.indexOf(LF, start)) {
    if (state.ending === Ending.UNKNOWN) state.ending = nl > 0 && b[nl - 1] === CR ? Ending.CRLF : Ending.LF;
    let end = nl;
    if (state.ending === Ending.CRLF) {
      // The next `\r` must be this line's own.
      if (cr < start) cr = b.indexOf(CR, start);
      if (cr !== nl - 1) throw new NeedsFullParser();
      end = nl - 1;
    } else if (lfHasCr ??= b.includes(CR)) {
      throw new NeedsFullParser();
    }
    state.line += 1;
    if (end > start) {
      out.starts.push(start);
      out.ends.push(end);
      out.lines.push(state.line);
    }
    start = nl + 1;
  }
  return start;
}

function hasBom(b: Buffer): boolean {
  return b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;
}

/** Returns the batch of a final line without a line break, or none. */
function lastLine(rest: Buffer, state: SplitState): LineBatch | undefined {
  if (rest.length === 0) return undefined;
  if (rest.includes(CR) || rest.includes(QUOTE)) throw new NeedsFullParser();
  return { bytes: rest, starts: [0], ends: [rest.length], lines: [state.line + 1] };
}

/**
 * Returns the file's non-blank lines in batches of byte ranges, one batch per chunk read
 * (streaming: about one chunk in memory). Plain files (no quotes; `\n` or `\r\n` used
 * consistently) are split here without decoding; from the first chunk that is not plain on, the
 * batches are csv-parse records instead (same records, line numbers and errors as
 * `readCsvBatches`, whose decisions this mirrors byte for byte). A UTF-8 BOM is skipped.
 */
export function readCsvLineBatches(path: string, options: ReadCsvOptions = {}): AsyncGenerator<RawCsvBatch> {
  const open = (): ReadStream => createReadStream(path, { highWaterMark: options.chunkBytes ?? CHUNK_BYTES });
  return withFullParserFallback(path, open, async function* (stream, progress) {
    const state: SplitState = { ending: Ending.UNKNOWN, line: 0 };
    let carry: Buffer = EMPTY;
    let started = false;
    const take = (b: Buffer): LineBatch | undefined => {
      const out = { bytes: b, starts: [] as number[], ends: [] as number[], lines: [] as number[] };
      carry = b.subarray(splitChunk(b, state, out));
      return out.starts.length > 0 ? out : undefined;
    };
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      let b = carry.length === 0 ? chunk : Buffer.concat([carry, chunk]);
      if (!started) {
        // Wait for three bytes so a BOM split across reads is still recognised.
        if (b.length < 3) {
          carry = b;
          continue;
        }
        started = true;
        if (hasBom(b)) b = b.subarray(3);
      }
      const batch = take(b);
      if (batch !== undefined) yield batch;
      progress.yieldedUpTo = state.line;
    }
    const short = started ? undefined : take(carry);
    if (short !== undefined) yield short;
    progress.yieldedUpTo = state.line;
    const tail = lastLine(carry, state);
    if (tail !== undefined) yield tail;
  });
}
