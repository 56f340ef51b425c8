import path from 'node:path';
import { filter, firstValueFrom, Subject } from 'rxjs';
import { describe, expect, it } from 'vitest';
import type { Bar, OrderEvent } from '../../../src/core/index.js';
import type { StrategyContext, StrategyDefinition } from '../../../src/strategy/index.js';
import { memoryLog } from '../../support/backtest-settings.js';
import { minuteBars, OPEN, runPaper, startRig, stopper } from './session-rig.js';

const MINUTE = 60_000;
const at = (i: number): number => OPEN + i * MINUTE;

type Action = (ctx: StrategyContext) => void;

/** A strategy on SIMA and SIMB that runs the scripted action on the close of a SIMB bar and records order events. */
function scripted(plan: ReadonlyMap<number, Action>): { strategy: StrategyDefinition; orders: OrderEvent[]; bar$: Subject<Bar> } {
  const orders: OrderEvent[] = [];
  const bar$ = new Subject<Bar>();
  const strategy: StrategyDefinition = {
    name: 'stale-script', params: {},
    subscriptions: () => [{ kind: 'bars', symbol: 'SIMA' }, { kind: 'bars', symbol: 'SIMB' }],
    onBar(bar, ctx) {
      if (bar.symbol === 'SIMB') plan.get(bar.ts)?.(ctx);
      bar$.next(bar);
    },
    onOrder: (e) => void orders.push(e),
  };
  return { strategy, orders, bar$ };
}

describe('paper session: stale feed blocks entries until data resumes (issue 5 item 2)', () => {
  it('logs feedStale when SIMA goes silent in market hours, denies a SIMA entry FEED_STALE while its exit passes, and entries pass after feedResumed', async () => {
    // SIMA trades in minutes 0–2 and 8–12; SIMB every minute, so market time keeps moving while SIMA is silent.
    const silent = new Set([3, 4, 5, 6, 7].map(at));
    const bars = minuteBars(['SIMA', 'SIMB'], OPEN, 13).filter((b) => !(b.symbol === 'SIMA' && silent.has(b.ts)));
    const rig = await startRig(bars);
    const plan = new Map<number, Action>([
      [at(0), (ctx) => void ctx.buy('SIMA', 2)],
      // Two minutes of silence ended at about 09:35; at 09:37 SIMA is stale.
      [at(6), (ctx) => {
        ctx.buy('SIMA', 1);
        ctx.sell('SIMA', 1);
      }],
      [at(10), (ctx) => void ctx.buy('SIMA', 1)],
    ]);
    const { strategy, orders, bar$ } = scripted(plan);
    const { stop, fire } = stopper();
    const log = memoryLog();
    try {
      const run = runPaper(rig, { strategy, stop, log, journalPath: path.join(rig.dir, 'j.db'), feeds: { staleFeedMs: 2 * MINUTE } });
      await rig.subscribed(1);
      const last = firstValueFrom(bar$.pipe(filter((b) => b.symbol === 'SIMB' && b.ts === at(10))));
      for (let i = 0; i < bars.length; i += 1) await rig.feed.step();
      await last;
      fire();
      const summary = await run;

      const stale = log.lines.findIndex((l) => l.startsWith('warn feedStale SIMA'));
      const resumed = log.lines.findIndex((l) => l.startsWith('info feedResumed SIMA'));
      expect(stale).toBeGreaterThanOrEqual(0);
      expect(resumed).toBeGreaterThan(stale);
      expect(log.lines.some((l) => l.includes('feedStale SIMB'))).toBe(false);

      const denied = orders.filter((e) => e.type === 'OrderDenied');
      expect(denied).toHaveLength(1);
      expect(denied[0]).toMatchObject({ intent: { side: 'BUY' }, reason: { code: 'FEED_STALE' } });
      const accepted = orders.filter((e) => e.type === 'OrderAccepted').map((e) => e.intent.side);
      // The first entry, the exit during the silence, and the entry after the data came back.
      expect(accepted).toEqual(['BUY', 'SELL', 'BUY']);
      expect(summary.denied).toBe(1);
    } finally {
      fire();
      await rig.close();
    }
  });
});
