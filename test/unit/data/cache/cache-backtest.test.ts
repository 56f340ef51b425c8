import { describe, expect, it } from 'vitest';
import { runBacktest } from '../../../../src/modes/index.js';
import { yhooSettings } from '../../../support/backtest-settings.js';
import { importCsv, nyseSessionOf } from './cache-support.js';

describe('backtest on a bar cache', () => {
  it('gives the same report and order-list hash as the same backtest on the CSV', async () => {
    const written = await importCsv('data/yhoo-1996-2014.csv', undefined, nyseSessionOf);
    const fromCsv = await runBacktest(yhooSettings());
    const fromCache = await runBacktest(yhooSettings({ dataFiles: [written.path] }));
    expect(fromCache.report.orderListHash).toBe('3f07fadc5fec4657377f7a6b1f1becaef866978937e795cb3a2508f241f6d5d6');
    expect(fromCache.report).toEqual(fromCsv.report);
    expect(fromCache.result.equity).toEqual(fromCsv.result.equity);
  });

  it('honours --from/--to on a cache like on the CSV', async () => {
    const written = await importCsv('data/yhoo-1996-2014.csv', 128, nyseSessionOf);
    const range = { from: '2003-01-01', to: '2006-06-30' };
    const fromCsv = await runBacktest(yhooSettings(range));
    const fromCache = await runBacktest(yhooSettings({ ...range, dataFiles: [written.path] }));
    expect(fromCache.report).toEqual(fromCsv.report);
    expect(fromCache.report.bars).toBeLessThan(1000);
  });
});
