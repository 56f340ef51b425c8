import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { createTempDir, removeTempDirSync } from '../data/index.js';
import { join } from 'node:path';
import { RunnerError } from '../core/index.js';
import type { EquityPoint, EquitySeries } from './report-input.js';

/** Points held in memory before the log spills to a temporary file (and the size of each write). */
const CHUNK = 65_536;
/** ts, equity, exposed (0/1) per point, as float64. */
const WIDTH = 3;

/**
 * The equity curve of a running backtest, one point per distinct bar close, in bounded memory:
 * points are buffered in a typed array and, past {@link CHUNK} points, appended to a binary
 * temporary file, which is read back chunk by chunk whenever the series is iterated. Adding a
 * point allocates nothing. Points stamped like the previous one replace it (several symbols'
 * bars closing at one instant keep the last state). Temporary files are removed at process exit
 * or by {@link EquityLog.dispose}.
 */
export class EquityLog implements EquitySeries {
  private buffer = new Float64Array(CHUNK * WIDTH);
  private buffered = 0;
  private written = 0;
  private fd: number | undefined;
  private dir: string | undefined;
  private file: string | undefined;

  private exposedCount = 0;

  /** Returns the number of points. */
  get length(): number {
    return this.written + this.buffered;
  }

  /** Returns how many points were taken while a position was open (kept as points are added). */
  get exposedPoints(): number {
    return this.exposedCount;
  }

  /** Records the equity at a bar close; replaces the last point when `ts` repeats. */
  add(ts: number, equity: number, exposed: boolean): void {
    const b = this.buffer;
    if (this.buffered > 0 && b[(this.buffered - 1) * WIDTH] === ts) {
      if (b[(this.buffered - 1) * WIDTH + 2] === 1) this.exposedCount -= 1;
      if (exposed) this.exposedCount += 1;
      b[(this.buffered - 1) * WIDTH + 1] = equity;
      b[(this.buffered - 1) * WIDTH + 2] = exposed ? 1 : 0;
      return;
    }
    if (exposed) this.exposedCount += 1;
    if (this.buffered === CHUNK) this.spill();
    const at = this.buffered * WIDTH;
    b[at] = ts;
    b[at + 1] = equity;
    b[at + 2] = exposed ? 1 : 0;
    this.buffered += 1;
  }

  /**
   * Returns the points in time order. The last buffered point stays in memory, so a repeated
   * stamp can still replace it; this also means a spilled log always has buffered points.
   */
  *[Symbol.iterator](): Iterator<EquityPoint> {
    for (const [chunk, n] of this.chunks()) yield* points(chunk, n);
  }

  /**
   * Calls `f` with every point in time order without building point objects (a long curve has
   * millions of them): what the report's one pass over the curve uses.
   */
  walk(f: (ts: number, equity: number, exposed: boolean) => void): void {
    for (const [chunk, n] of this.chunks()) {
      for (let at = 0; at < n * WIDTH; at += WIDTH) f(chunk[at] as number, chunk[at + 1] as number, chunk[at + 2] === 1);
    }
  }

  /** Yields the points as (columns, count) pieces: the spilled file a chunk at a time, then the buffer. */
  private *chunks(): Generator<readonly [Float64Array, number]> {
    if (this.file !== undefined && this.written > 0) {
      const fd = openSync(this.file, 'r');
      try {
        const chunk = new Float64Array(CHUNK * WIDTH);
        const bytes = new Uint8Array(chunk.buffer);
        for (let done = 0; done < this.written;) {
          const n = Math.min(CHUNK, this.written - done);
          readFully(fd, bytes, n * WIDTH * 8, done * WIDTH * 8);
          yield [chunk, n];
          done += n;
        }
      } finally {
        closeSync(fd);
      }
    }
    yield [this.buffer, this.buffered];
  }

  /** Returns the points as an array when the log never spilled (small runs), else the log itself. */
  series(): EquitySeries {
    return this.written === 0 ? [...this] : this;
  }

  /** Removes the temporary file, if any; the log is empty afterwards. */
  dispose(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    if (this.dir !== undefined) removeTempDirSync(this.dir);
    this.fd = undefined;
    this.dir = undefined;
    this.file = undefined;
    this.written = 0;
    this.buffered = 0;
    this.exposedCount = 0;
  }

  private spill(): void {
    if (this.fd === undefined) {
      this.dir = createTempDir('aries-equity-');
      this.file = join(this.dir, 'equity.f64');
      this.fd = openSync(this.file, 'w');
    }
    // Keep the last point in memory: the next bar may close at the same instant and replace it.
    const keep = CHUNK - 1;
    const bytes = new Uint8Array(this.buffer.buffer, 0, keep * WIDTH * 8);
    for (let off = 0; off < bytes.length;) off += writeSync(this.fd, bytes, off, bytes.length - off);
    this.written += keep;
    this.buffer.copyWithin(0, keep * WIDTH, CHUNK * WIDTH);
    this.buffered = 1;
  }
}

function* points(chunk: Float64Array, n: number): Generator<EquityPoint> {
  for (let i = 0; i < n; i += 1) {
    const at = i * WIDTH;
    yield { ts: chunk[at] as number, equity: chunk[at + 1] as number, exposed: chunk[at + 2] === 1 };
  }
}

function readFully(fd: number, into: Uint8Array, length: number, position: number): void {
  for (let off = 0; off < length;) {
    const n = readSync(fd, into, off, length - off, position + off);
    if (n === 0) throw new RunnerError('REPORT_ERR_READ', 'equity log: temporary file ended early');
    off += n;
  }
}

/** Calls `f` with every point of `series` in order: without point objects when it is an {@link EquityLog}. */
export function walkEquity(series: Iterable<EquityPoint>, f: (ts: number, equity: number, exposed: boolean) => void): void {
  if (series instanceof EquityLog) {
    series.walk(f);
    return;
  }
  for (const p of series) f(p.ts, p.equity, p.exposed);
}
