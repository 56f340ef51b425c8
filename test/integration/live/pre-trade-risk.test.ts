import { Subject } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import { amountFromNumber, amountToNumber, type OrderDenied, type OrderEvent, type Trade } from '../../../src/core/index.js';
import { Journal } from '../../../src/execution/index.js';
import type { StrategyDefinition } from '../../../src/strategy/index.js';
import { NyseCalendar } from '../../../src/time/index.js';
import { memoryLog } from '../../support/backtest-settings.js';
import { Recorder } from '../aries-sim/e2e-rig.js';
import { ACCOUNT, T0 } from '../aries-sim/sim-harness.js';
import { startLiveSession, SYMBOL } from './fixtures/live-session.js';
import { LiveRig } from './live-rig.js';
import { SessionLines } from './session-lines.js';

const MINUTE = 60_000;

let rig: LiveRig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

/**
 * On the first trade: an order over the notional limit, one over the position limit, then three
 * one-share buys against a limit of two orders in 30 s. Once the loss halt is logged and the rate
 * window has passed, one more buy.
 */
function probe(halted: () => boolean): { strategy: StrategyDefinition; events: Recorder<OrderEvent>; trades: Recorder<Trade> } {
  const event$ = new Subject<OrderEvent>();
  const trade$ = new Subject<Trade>();
  const events = new Recorder(event$);
  const trades = new Recorder(trade$);
  let step = 0;
  const strategy: StrategyDefinition = {
    name: 'risk-probe', params: {},
    subscriptions: () => [{ kind: 'trades', symbol: SYMBOL }],
    onTrade(trade, ctx) {
      if (step === 0) {
        ctx.buy(SYMBOL, 20);
        ctx.buy(SYMBOL, 5);
        for (let i = 0; i < 3; i += 1) ctx.buy(SYMBOL, 1);
        step = 1;
      } else if (step === 1 && halted() && trade.ts >= T0 + 3 * MINUTE) {
        ctx.buy(SYMBOL, 1);
        step = 2;
      }
      trade$.next(trade);
    },
    onOrder: (e) => event$.next(e),
  };
  return { strategy, events, trades };
}

describe('T-25: pre-trade risk in live mode', () => {
  it('denies max order notional, max position, max orders per interval and the daily loss halt locally: none of them reaches the simulator', async () => {
    const r = (rig = await LiveRig.start());
    const journalPath = r.journal();
    // Earlier today the account was worth a million more: the first equity check breaches the daily loss limit.
    const cash = amountToNumber((await r.client.balances(ACCOUNT)).cash ?? 0n);
    const before = String(amountFromNumber(cash + 1_000_000));
    const seed = Journal.open(journalPath, { now: () => T0 });
    seed.setMark('lossMonitor', JSON.stringify({ sessionDate: new NyseCalendar().currentOrNextSession(T0).date, sessionStartEquity: before, peakEquity: before }));
    seed.close();

    const log = memoryLog();
    let halted = false;
    const { strategy, events, trades } = probe(() => halted);
    const lines = new SessionLines();
    const session = await startLiveSession({
      apiUrl: r.sim.baseUrl, tokenFile: r.tokenFile, journalPath, emit: lines.emit, strategy,
      log: { ...log, error: (m, f) => {
        if (m.includes('daily loss limit')) halted = true;
        log.error(m, f);
      } },
      // Preview on: the two one-share buys that pass hold their place in the order-rate memory while their broker
      // previews are in flight, so the third is refused even though none has been accepted yet.
      risk: { maxOrderNotional: 1_000, maxPositionQty: 3, maxOrderRate: { count: 2, intervalMs: 30_000 }, dailyLossLimit: 1_000, preview: true },
    });
    await session.ready;
    const isHaltDenial = (e: OrderEvent): boolean => e.type === 'OrderDenied' && e.reason.code === 'TRADING_HALTED';
    // Bars close as market time moves on; the first closed bar feeds the loss monitor, and the next trade tries once more.
    const accepted = (seen: readonly OrderEvent[]): true | undefined => (seen.filter((e) => e.type === 'OrderAccepted').length === 2 ? true : undefined);
    for (let k = 1; k <= 8 && !events.seen.some(isHaltDenial); k += 1) {
      await r.step();
      await trades.next((t) => t.ts >= T0 + k * MINUTE);
      // Orders count against the rate when accepted (after their previews): let that happen at the time they were placed.
      if (k === 1) await events.until(accepted);
    }
    await events.next(isHaltDenial);
    // Both orders within the limits are at the venue before the session stops.
    await events.until(accepted);
    session.stop();
    await session.done;

    const denied = events.seen.filter((e): e is OrderDenied => e.type === 'OrderDenied');
    expect(denied.map((e) => [amountToNumber(e.intent.qty), e.reason.code])).toEqual([
      [20, 'MAX_NOTIONAL_EXCEEDED'], [5, 'MAX_POSITION_EXCEEDED'], [1, 'ORDER_RATE'], [1, 'TRADING_HALTED'],
    ]);
    expect(log.lines.some((l) => l.startsWith('error DAILY_LOSS: daily loss limit'))).toBe(true);
    // Only the two orders within every limit were sent: the venue never heard of the denied ones.
    const venue = await r.venueOrders();
    expect(venue).toHaveLength(2);
    expect(venue.map((o) => amountToNumber(o.qty))).toEqual([1, 1]);
    const journal = Journal.open(journalPath, { now: () => 0 });
    expect(journal.tradingState()?.status).toBe('HALTED');
    journal.close();
  });
});
