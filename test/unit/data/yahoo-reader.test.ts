import { describe, expect, it } from 'vitest';
import { openBarFile, symbolFromPath, validateBarSource } from '../../../src/data/index.js';
import { collect, fixture, nyMs, sessionOf, YHOO } from './fixtures.js';

describe('Yahoo reader', () => {
  it('streams the real YHOO sample with session times', async () => {
    const source = await openBarFile({ path: YHOO, sessionOf });
    const summary = await validateBarSource(source);
    expect(source.symbol).toBe('YHOO');
    expect(summary.bars).toBe(4713);
    expect(summary.first).toEqual({
      kind: 'bar', symbol: 'YHOO', ts: nyMs('1996-04-12T09:30'), tsEnd: nyMs('1996-04-12T16:00'),
      open: 1.052083, high: 1.791667, low: 1.020833, close: 1.375, volume: 408720000,
    });
    expect(summary.last).toMatchObject({ ts: nyMs('2014-12-31T09:30'), open: 51.540001, close: 50.509998, volume: 9305000 });
  });

  it('finds a known row in the middle of the file', async () => {
    const source = await openBarFile({ path: YHOO, sessionOf, from: nyMs('1996-04-16T00:00'), to: nyMs('1996-04-16T23:59') });
    expect(await collect(source.bars())).toEqual([
      expect.objectContaining({ ts: nyMs('1996-04-16T09:30'), open: 1.34375, high: 1.34375, low: 1.166667, close: 1.197917, volume: 48016000 }),
    ]);
  });

  it('streams again on every bars() call and survives an early break', async () => {
    const source = await openBarFile({ path: YHOO, sessionOf });
    let seen = 0;
    for await (const _bar of source.bars()) if (++seen === 3) break;
    const first = await collect(source.bars());
    const second = await collect(source.bars());
    expect(seen).toBe(3);
    expect(first).toHaveLength(4713);
    expect(second).toEqual(first);
  });

  it('scales O/H/L by Adj Close / Close and closes at Adj Close when adjusted', async () => {
    const path = fixture('yahoo-ok.csv');
    const raw = await collect((await openBarFile({ path, sessionOf })).bars());
    const adj = await collect((await openBarFile({ path, sessionOf, adjusted: true })).bars());
    expect(raw[0]).toMatchObject({ open: 10, high: 11, low: 9, close: 10.5, volume: 1000 });
    expect(adj[0]).toMatchObject({ open: 5, high: 5.5, low: 4.5, close: 5.25, volume: 1000 });
    expect(adj[2]).toMatchObject({ open: 5.5, high: 5.75, low: 5.25, close: 5.6 });
  });

  it('keeps only bars whose open time lies in from/to, inclusive', async () => {
    const path = fixture('yahoo-ok.csv');
    const source = await openBarFile({ path, sessionOf, from: nyMs('2024-01-03T09:30'), to: nyMs('2024-01-04T09:30') });
    const summary = await validateBarSource(source);
    expect(summary.bars).toBe(2);
    expect(summary.first?.ts).toBe(nyMs('2024-01-03T09:30'));
    expect(summary.last?.ts).toBe(nyMs('2024-01-04T09:30'));
    const none = await openBarFile({ path, sessionOf, from: nyMs('2025-01-01T00:00') });
    expect(await validateBarSource(none)).toEqual({ bars: 0 });
  });

  it('derives the symbol from the file name unless given', async () => {
    expect((await openBarFile({ path: fixture('yahoo-ok.csv'), sessionOf })).symbol).toBe('YAHOO');
    expect((await openBarFile({ path: fixture('yahoo-ok.csv'), sessionOf, symbol: ' msft ' })).symbol).toBe('MSFT');
    expect(symbolFromPath('/data/brk.b-2020.csv')).toBe('BRK');
    expect(symbolFromPath('spy.csv')).toBe('SPY');
    expect(() => symbolFromPath('/data/-x.csv')).toThrow(/cannot derive a symbol/);
  });
});
