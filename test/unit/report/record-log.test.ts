import { existsSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { toSymbol } from '../../../src/core/index.js';
import {
  orderListHash, RecordLog, recordCodecs, reportCsv, tradeStatistics, type OrderRecord, type RoundTrip,
} from '../../../src/report/index.js';

function order(i: number): OrderRecord {
  return {
    id: `O-${String(i).padStart(6, '0')}`, ts: 1_700_000_000_000 + i * 60_000, symbol: 'AB', side: i % 2 ? 'SELL' : 'BUY',
    type: 'LIMIT', tif: 'GTC', qty: 100_00000000n, status: 'FILLED', filledQty: 100_00000000n, avgFillPrice: 12_34567891n,
    ...(i % 3 === 0 ? { limitPrice: 12_5n } : {}),
    ...(i % 5 === 0 ? { stopPrice: 11n } : {}),
    ...(i % 7 === 0 ? { tag: `tag "${i}", é\nnext` } : {}),
  };
}

function trip(i: number): RoundTrip {
  return {
    symbol: toSymbol('XYZ'), side: i % 4 === 0 ? 'SHORT' : 'LONG', qty: 5n, entryTs: i, exitTs: i + 1,
    entryPrice: 1n, exitPrice: 2n, pnl: BigInt(i % 3 - 1) * 7n, commission: 3n,
  };
}

describe('RecordLog', () => {
  it('keeps a short list in memory and returns it as an array', () => {
    const log = new RecordLog(recordCodecs.order, 'orders');
    for (let i = 1; i <= 100; i += 1) log.add(order(i));
    const series = log.series();
    expect(Array.isArray(series)).toBe(true);
    expect(series).toEqual(Array.from({ length: 100 }, (_, i) => order(i + 1)));
  });

  it('spills a long order list and reads every field back exactly, each time it is walked', () => {
    const log = new RecordLog(recordCodecs.order, 'orders', 4096);
    const expected = Array.from({ length: 40_000 }, (_, i) => order(i + 1));
    for (const o of expected) log.add(o);
    const series = log.series();
    expect(series).toBe(log);
    expect(series.length).toBe(40_000);
    expect([...series]).toEqual(expected);
    // The report figures computed from the spilled list equal those of the array.
    expect(orderListHash(series)).toBe(orderListHash(expected));
    expect(reportCsv.orders(series)).toBe(reportCsv.orders(expected));
    log.dispose();
    expect(log.length).toBe(0);
  });

  it('spills round trips exactly, and trade statistics stream over them', () => {
    const log = new RecordLog(recordCodecs.trip, 'trades', 4096);
    const expected = Array.from({ length: 20_000 }, (_, i) => trip(i));
    for (const t of expected) log.add(t);
    expect([...log]).toEqual(expected);
    expect(tradeStatistics(log)).toEqual(tradeStatistics(expected));
    expect(reportCsv.trades(log)).toBe(reportCsv.trades(expected));
    log.dispose();
  });

  it('removes its temporary folder on dispose', () => {
    const log = new RecordLog(recordCodecs.trip, 'trades', 4096);
    for (let i = 0; i < 20_000; i += 1) log.add(trip(i));
    const dir = (log as unknown as { dir: string }).dir;
    expect(existsSync(dir)).toBe(true);
    log.dispose();
    expect(existsSync(dir)).toBe(false);
  });
});
