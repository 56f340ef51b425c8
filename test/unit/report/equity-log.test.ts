import { existsSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { downsampleMinMaxStream, EquityLog, reportCsv, walkEquity, type EquityPoint } from '../../../src/report/index.js';

function pointsOf(n: number, repeatEvery: number): { log: EquityLog; expected: EquityPoint[] } {
  const log = new EquityLog();
  const expected: EquityPoint[] = [];
  for (let i = 0; i < n; i += 1) {
    const ts = 1_700_000_000_000 + Math.floor(i / repeatEvery) * 60_000;
    const point = { ts, equity: 100_000 + Math.sin(i) * 500, exposed: i % 3 === 0 };
    log.add(point.ts, point.equity, point.exposed);
    if (expected.at(-1)?.ts === ts) expected[expected.length - 1] = point;
    else expected.push(point);
  }
  return { log, expected };
}

describe('EquityLog', () => {
  it('keeps a short curve in memory and returns it as an array, repeated stamps replaced', () => {
    const { log, expected } = pointsOf(1000, 2);
    const series = log.series();
    expect(Array.isArray(series)).toBe(true);
    expect([...series]).toEqual(expected);
  });

  it('spills a long curve to disk and reads the same points back, every time it is walked', () => {
    // 3 bars per stamp, so replacements also happen across the spill boundary.
    const { log, expected } = pointsOf(250_000, 3);
    const series = log.series();
    expect(series).toBe(log);
    expect(series.length).toBe(expected.length);
    expect([...series]).toEqual(expected);
    expect(reportCsv.equity(series)).toBe(reportCsv.equity(expected));
    // The exposed count kept while adding (replacements included) equals counting the points.
    expect(log.exposedPoints).toBe(expected.filter((p) => p.exposed).length);
    // The object-free walk sees the same points, from the file and the buffer alike.
    const walked: EquityPoint[] = [];
    walkEquity(series, (ts, equity, exposed) => walked.push({ ts, equity, exposed }));
    expect(walked).toEqual(expected);
    const fromArray: EquityPoint[] = [];
    walkEquity(expected, (ts, equity, exposed) => fromArray.push({ ts, equity, exposed }));
    expect(fromArray).toEqual(expected);
    log.dispose();
    expect(log.length).toBe(0);
  });

  it('removes its temporary folder on dispose', () => {
    const { log } = pointsOf(140_000, 1);
    const dir = (log as unknown as { dir: string }).dir;
    expect(existsSync(dir)).toBe(true);
    log.dispose();
    expect(existsSync(dir)).toBe(false);
  });
});

/** The random-access min/max bucketing the page used before streaming: the reference. */
function reference(values: readonly number[], maxPoints: number): number[] {
  if (values.length <= maxPoints) return [...values];
  const inner = values.length - 2;
  const buckets = Math.floor((maxPoints - 2) / 2);
  const kept: number[] = [0];
  for (let b = 0; b < buckets; b += 1) {
    const start = 1 + Math.floor((b * inner) / buckets);
    const end = 1 + Math.floor(((b + 1) * inner) / buckets);
    let low = start;
    let high = start;
    for (let i = start + 1; i < end; i += 1) {
      if ((values[i] as number) < (values[low] as number)) low = i;
      if ((values[i] as number) > (values[high] as number)) high = i;
    }
    if (end > start) kept.push(...(low === high ? [low] : [Math.min(low, high), Math.max(low, high)]));
  }
  kept.push(values.length - 1);
  return kept.map((i) => values[i] as number);
}

describe('downsampleMinMaxStream', () => {
  it('keeps the same points as random-access min/max bucketing, for any length and bucket count', () => {
    for (const n of [3, 10, 11, 57, 1000, 4999]) {
      const values = Array.from({ length: n }, (_, i) => Math.round(Math.sin(i * 1.7) * 100 + (i % 7)));
      for (const max of [4, 5, 10, 64]) {
        expect(downsampleMinMaxStream(values, n, (v) => v, max)).toEqual(reference(values, max));
      }
    }
  });
});
