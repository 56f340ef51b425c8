import { describe, expect, it } from 'vitest';
import { csvRow, reportCsv } from '../../../src/report/index.js';
import { amt, marketOrder, order, point, trip, utc } from './builders.js';

describe('csvRow', () => {
  it('quotes fields with a comma, quote, CR or LF per RFC 4180 and leaves others bare', () => {
    expect(csvRow(['plain', 'a,b', 'say "hi"', 'two\nlines', 'cr\r', ''])).toBe(
      'plain,"a,b","say ""hi""","two\nlines","cr\r",',
    );
  });
});

describe('reportCsv', () => {
  it('writes trades with exact decimals and ISO UTC times', () => {
    const text = reportCsv.trades([trip('4', { side: 'SHORT', entryPrice: amt('150.12345678') })]);
    expect(text).toBe(
      'symbol,side,qty,entryTs,exitTs,entryPrice,exitPrice,pnl,commission\n' +
        'AAPL,SHORT,10,2024-01-02T15:00:00.000Z,2024-01-03T20:00:00.000Z,150.12345678,150.5,4,1\n',
    );
  });

  it('writes orders with the hash columns, an ISO time and a quoted tag', () => {
    const text = reportCsv.orders([order(), marketOrder({ id: 'O-000002', tag: 'exit, "fast"' })]);
    expect(text).toBe(
      'id,ts,symbol,side,type,tif,qty,limit,stop,status,filledQty,avgFillPrice,tag\n' +
        'O-000001,2024-01-02T14:30:00.000Z,AAPL,BUY,LIMIT,DAY,10,150.5,,FILLED,10,150.25,\n' +
        'O-000002,2024-01-02T14:30:00.000Z,AAPL,BUY,MARKET,DAY,10,,,FILLED,10,150.25,"exit, ""fast"""\n',
    );
  });

  it('writes equity with at most 8 decimals and exposure as 0/1', () => {
    const text = reportCsv.equity([point(utc(2024, 1, 2, 21), 100.123456789, true), point(utc(2024, 1, 3, 21), 0.1 + 0.2)]);
    // 100.123456789 rounds to 100.12345679; 0.1 + 0.2 = 0.30000000000000004 prints as 0.3.
    expect(text).toBe('ts,equity,exposed\n2024-01-02T21:00:00.000Z,100.12345679,1\n2024-01-03T21:00:00.000Z,0.3,0\n');
  });

  it('writes only the header for empty lists', () => {
    expect(reportCsv.trades([])).toBe('symbol,side,qty,entryTs,exitTs,entryPrice,exitPrice,pnl,commission\n');
  });
});
