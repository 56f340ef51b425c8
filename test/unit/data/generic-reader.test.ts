import { describe, expect, it } from 'vitest';
import { openBarFile, validateBarSource } from '../../../src/data/index.js';
import { collect, expectRunnerError, fixture, sessionOf } from './fixtures.js';

const T0 = Date.UTC(2024, 0, 2, 14, 30);

describe('generic OHLCV reader', () => {
  it('reads columns in any order and case, with Z and offsets, inferring a 1-minute interval', async () => {
    const source = await openBarFile({ path: fixture('generic-ok.csv'), sessionOf });
    expect(source.symbol).toBe('GENERIC');
    expect(await collect(source.bars())).toEqual([
      { kind: 'bar', symbol: 'GENERIC', ts: T0, tsEnd: T0 + 60_000, open: 10, high: 11, low: 9, close: 10.5, volume: 100 },
      { kind: 'bar', symbol: 'GENERIC', ts: T0 + 60_000, tsEnd: T0 + 120_000, open: 10.5, high: 10.9, low: 10.1, close: 10.2, volume: 200 },
      { kind: 'bar', symbol: 'GENERIC', ts: T0 + 120_500, tsEnd: T0 + 180_500, open: 10.2, high: 10.4, low: 10, close: 10.3, volume: 0 },
    ]);
  });

  it('uses intervalMs when given', async () => {
    const source = await openBarFile({ path: fixture('generic-ok.csv'), sessionOf, intervalMs: 300_000, symbol: 'es' });
    const summary = await validateBarSource(source);
    expect(summary.bars).toBe(3);
    expect(summary.first).toMatchObject({ symbol: 'ES', ts: T0, tsEnd: T0 + 300_000 });
  });

  it('rejects a non-positive intervalMs', async () => {
    const path = fixture('generic-ok.csv');
    await expectRunnerError(
      openBarFile({ path, sessionOf, intervalMs: 0 }),
      'DATA_ERR_INTERVAL',
      `${path}: bar interval must be positive, got 0 ms`,
    );
  });

  it('filters by from/to on the open time', async () => {
    const source = await openBarFile({ path: fixture('generic-ok.csv'), sessionOf, from: T0 + 60_000, to: T0 + 60_000 });
    expect((await collect(source.bars())).map((b) => b.ts)).toEqual([T0 + 60_000]);
  });
});
