import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { filter, firstValueFrom, Subject } from 'rxjs';
import { describe, expect, it } from 'vitest';
import type { Bar, OrderEvent } from '../../../src/core/index.js';
import type { StrategyContext, StrategyDefinition } from '../../../src/strategy/index.js';
import { minuteBars, OPEN, runPaper, startRig, stopper } from './session-rig.js';

const MINUTE = 60_000;
const at = (i: number): number => OPEN + i * MINUTE;
/** SIMA reports at 10:00 New York on 2024-03-04 in this fixture (SIMZ, not subscribed, at 09:50). */
const CALENDAR = fileURLToPath(new URL('./fixtures/blackout-calendar.json', import.meta.url));
const RELEASE = at(30);

type Action = (ctx: StrategyContext) => void;

interface Seen {
  /** Inputs in delivery order: `bar <start>` or `calendar <type> <symbol> <ts> <now>`. */
  readonly inputs: string[];
  readonly orders: OrderEvent[];
  readonly bar$: Subject<Bar>;
}

function scripted(plan: ReadonlyMap<number, Action>): { strategy: StrategyDefinition; seen: Seen } {
  const seen: Seen = { inputs: [], orders: [], bar$: new Subject<Bar>() };
  const strategy: StrategyDefinition = {
    name: 'blackout-script', params: {},
    subscriptions: () => [{ kind: 'bars', symbol: 'SIMA' }],
    onBar(bar, ctx) {
      seen.inputs.push(`bar ${bar.ts}`);
      plan.get(bar.ts)?.(ctx);
      seen.bar$.next(bar);
    },
    onCalendar(e, ctx) {
      seen.inputs.push(`calendar ${e.type} ${e.symbol ?? '-'} ${e.ts} ${ctx.now()}`);
    },
    onOrder: (e) => void seen.orders.push(e),
  };
  return { strategy, seen };
}

describe('paper session: earnings blackout from the simulator calendar (issue 5 item 6)', () => {
  it('denies an entry 13 minutes before earnings CALENDAR_BLACKOUT, lets the exit through, and delivers EarningsReleased at its time', async () => {
    const bars = minuteBars(['SIMA'], OPEN, 40);
    const rig = await startRig(bars, { calendarFile: CALENDAR });
    // Holds the replay until the session's first calendar refresh is over (it starts with the first datum):
    // the earnings of the next three days and the economic releases of each of them.
    let fetches = 0;
    let fetched = (): void => undefined;
    const refreshed = new Promise<void>((resolve) => (fetched = resolve));
    const done = (): void => {
      fetches += 1;
      if (fetches === 4) queueMicrotask(fetched);
    };
    const client = rig.connection.client;
    const earnings = client.earnings.bind(client);
    const economics = client.economics.bind(client);
    client.earnings = (from, to, symbol) => earnings(from, to, symbol).finally(done);
    client.economics = (date) => economics(date).finally(done);
    const plan = new Map<number, Action>([
      [at(0), (ctx) => void ctx.buy('SIMA', 2)],
      // Closes 09:47, inside 09:45–10:00.
      [at(16), (ctx) => {
        ctx.buy('SIMA', 1);
        ctx.sell('SIMA', 1);
      }],
      // Closes 10:05, after the release.
      [at(34), (ctx) => void ctx.buy('SIMA', 1)],
    ]);
    const { strategy, seen } = scripted(plan);
    const { stop, fire } = stopper();
    try {
      const run = runPaper(rig, { strategy, stop, journalPath: path.join(rig.dir, 'j.db'), risk: { blackouts: { earnings: { minutesBefore: 15 } } } });
      await rig.subscribed(1);
      await rig.feed.step();
      await refreshed;
      // Lets the source and the blackout schedule take the fetched records (they run after the fetches resolve).
      await new Promise<void>((resolve) => setImmediate(resolve));
      const last = firstValueFrom(seen.bar$.pipe(filter((b) => b.ts === at(34))));
      for (let i = 1; i < bars.length; i += 1) await rig.feed.step();
      await last;
      fire();
      const summary = await run;

      const denied = seen.orders.filter((e) => e.type === 'OrderDenied');
      expect(denied).toHaveLength(1);
      expect(denied[0]).toMatchObject({ intent: { side: 'BUY' }, reason: { code: 'CALENDAR_BLACKOUT' } });
      expect(seen.orders.filter((e) => e.type === 'OrderAccepted').map((e) => e.intent.side)).toEqual(['BUY', 'SELL', 'BUY']);
      expect(summary.denied).toBe(1);

      const releases = seen.inputs.filter((l) => l.startsWith('calendar EarningsReleased'));
      expect(releases).toHaveLength(1);
      const [, , symbol, ts, now] = (releases[0] ?? '').split(' ');
      expect(symbol).toBe('SIMA');
      expect(Number(ts)).toBe(RELEASE);
      expect(Number(now)).toBeGreaterThanOrEqual(RELEASE);
      expect(Number(now)).toBeLessThan(RELEASE + MINUTE);
      // Delivered in stream order: after the 09:58 bar (closed 09:59), before the 10:00 bar.
      const index = seen.inputs.indexOf(releases[0] ?? '');
      expect(seen.inputs.indexOf(`bar ${at(28)}`)).toBeLessThan(index);
      expect(seen.inputs.indexOf(`bar ${at(30)}`)).toBeGreaterThan(index);
    } finally {
      fire();
      await rig.close();
    }
  });
});
