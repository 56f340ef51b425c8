import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { replayEnd, startReplayWhenSubscribed } from '../../../src/cli/embedded-replay.js';
import { defaultConfig, parseCommission } from '../../../src/config/index.js';
import { formatAmount, type OrderFilled } from '../../../src/core/index.js';
import { Journal } from '../../../src/execution/index.js';
import { openAriesConnection, runBacktest, runTradingSession, startEmbeddedSimulator } from '../../../src/modes/index.js';
import { loadStrategy } from '../../../src/strategy/index.js';
import { memoryLog, yhooSettings } from '../../support/backtest-settings.js';
import { tempDir } from '../../support/temp-dir.js';

/** The first 400 YHOO sessions (1996–1997): enough crossovers, quick to replay. */
function sampleCsv(dir: string): string {
  const lines = readFileSync('data/yhoo-1996-2014.csv', 'utf8').split('\n').slice(0, 401);
  const file = path.join(dir, 'yhoo-1996-1997.csv');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

describe('backtest vs paper parity (the same strategy over the same bars)', () => {
  it('gives the same orders and fills in `backtest` and in paper mode against the simulator replaying those bars', async () => {
    const dir = tempDir('aries-parity-');
    const csv = sampleCsv(dir);
    const strategy = await loadStrategy('strategies/sma-cross.ts', { typecheck: false });
    const backtest = await runBacktest(yhooSettings({ strategy, dataFiles: [csv] }));

    const embedded = await startEmbeddedSimulator({ dataFiles: [csv], speed: 1e9, seed: 1, cash: 100_000 });
    const log = memoryLog();
    const connection = await openAriesConnection({
      apiUrl: embedded.apiUrl, clientId: embedded.clientId, clientSecret: embedded.clientSecret, tokenFile: embedded.tokenFile, log, seed: 1,
    }).catch(async (e: unknown) => {
      await embedded.close(); // also removes its token folder from the OS temp dir
      throw e;
    });
    try {
      const stop = replayEnd(embedded, connection.market.data$);
      startReplayWhenSubscribed(embedded, connection.marketSocket.messages$);
      const journalPath = path.join(dir, 'journal.db');
      const paper = await runTradingSession({
        mode: 'paper', strategy, params: strategy.params, connection, risk: defaultConfig().risk, bars: { kind: 'session' }, clock: 'market',
        journalPath, log, stop, cancelOnShutdown: false,
        paper: { cash: 100_000, commission: parseCommission('0.005/share'), fill: 'next-open', slippageBps: 0 },
        beforeStop: (clock) => {
          if ('advanceTo' in clock && typeof clock.advanceTo === 'function') clock.advanceTo(clock.now() + 86_400_000);
        },
      });
      const btFills = [...backtest.result.orders].filter((o) => o.status === 'FILLED').map((o) => `${o.side} ${formatAmount(o.qty)} @ ${formatAmount(o.avgFillPrice)}`);
      const paperFills = paper.orderEvents
        .filter((e): e is OrderFilled => e.type === 'OrderFilled')
        .map((e) => `${e.fill.side} ${formatAmount(e.fill.qty)} @ ${formatAmount(e.fill.price)}`);
      expect(btFills.length).toBeGreaterThan(10);
      expect(paperFills).toEqual(btFills);
      expect(paper.bars).toBe(backtest.result.bars);
      expect(paper.orders).toBe(backtest.result.orders.length);
      expect(paper.trades.length).toBe(backtest.result.trades.length);
      expect(paper.finalEquity.toFixed(2)).toBe(Number(backtest.report.finalEquity).toFixed(2));
      // Every intent and fill of the paper run is in the journal.
      const journal = Journal.open(journalPath, { now: () => 0 });
      expect(journal.fillsSince(0).length).toBe(paper.fills);
      journal.close();
    } finally {
      await connection.close();
      await embedded.close();
    }
  });
});
