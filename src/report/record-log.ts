import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { createTempDir, removeTempDirSync } from '../data/index.js';
import { join } from 'node:path';
import type { RecordSeries } from './report-input.js';

/** Records held in memory before the log spills them to a temporary file (by default; about 4 MB of order records). */
const CHUNK = 16_384;
/** Bytes read from the temporary file at a time when the log is walked. */
const READ_BYTES = 1 << 20;

/** How a {@link RecordLog} turns one record into one line of text and back; the round trip must be exact. */
export interface RecordCodec<T> {
  /** Returns the record as one line of text without line breaks (JSON does this). */
  encode(record: T): string;
  decode(line: string): T;
}

/**
 * A list of records (orders, round trips) that grows as a backtest runs, in bounded memory:
 * past `chunk` records the log appends them, one encoded line each, to a temporary file
 * and walks that file back chunk by chunk whenever it is iterated. Records come back in the
 * order they were added. Temporary files are removed at process exit or by {@link RecordLog.dispose}.
 */
export class RecordLog<T> implements RecordSeries<T> {
  private buffer: T[] = [];
  private written = 0;
  private fd: number | undefined;
  private dir: string | undefined;
  private file: string | undefined;

  /** `chunk`: records held in memory before each spill (default {@link CHUNK}). */
  constructor(private readonly codec: RecordCodec<T>, private readonly name: string, private readonly chunk = CHUNK) {}

  /** Returns the number of records. */
  get length(): number {
    return this.written + this.buffer.length;
  }

  /** Appends a record. */
  add(record: T): void {
    this.buffer.push(record);
    if (this.buffer.length === this.chunk) this.spill();
  }

  /** Returns the records in the order they were added, reading spilled ones back from disk. */
  *[Symbol.iterator](): Iterator<T> {
    if (this.file !== undefined && this.written > 0) yield* this.readBack(this.file);
    yield* this.buffer;
  }

  /** Returns the records as an array when the log never spilled (small runs), else the log itself. */
  series(): RecordSeries<T> {
    return this.written === 0 ? [...this.buffer] : this;
  }

  /** Removes the temporary file, if any; the log is empty afterwards. */
  dispose(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    if (this.dir !== undefined) removeTempDirSync(this.dir);
    this.fd = undefined;
    this.dir = undefined;
    this.file = undefined;
    this.written = 0;
    this.buffer = [];
  }

  private spill(): void {
    if (this.fd === undefined) {
      this.dir = createTempDir(`aries-${this.name}-`);
      this.file = join(this.dir, `${this.name}.jsonl`);
      this.fd = openSync(this.file, 'w');
    }
    let text = '';
    for (const record of this.buffer) text += `${this.codec.encode(record)}\n`;
    const bytes = Buffer.from(text, 'utf8');
    for (let off = 0; off < bytes.length;) off += writeSync(this.fd, bytes, off, bytes.length - off);
    this.written += this.buffer.length;
    this.buffer = [];
  }

  private *readBack(file: string): Generator<T> {
    const fd = openSync(file, 'r');
    try {
      const chunk = Buffer.allocUnsafe(READ_BYTES);
      // Stream decoding: a multi-byte character may straddle two reads.
      const decoder = new TextDecoder('utf-8');
      let rest = '';
      let position = 0;
      for (let n = readSync(fd, chunk, 0, READ_BYTES, position); n > 0; n = readSync(fd, chunk, 0, READ_BYTES, position)) {
        position += n;
        // Line by line rather than split(): a chunk's worth of line strings would outlive a scavenge.
        const text = rest + decoder.decode(chunk.subarray(0, n), { stream: true });
        let start = 0;
        for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
          yield this.codec.decode(text.slice(start, nl));
          start = nl + 1;
        }
        rest = text.slice(start);
      }
      rest += decoder.decode();
      if (rest !== '') yield this.codec.decode(rest);
    } finally {
      closeSync(fd);
    }
  }
}
