import { describe, expect, it } from 'vitest';
import { DenialCode, isPromise, type OrderIntent, type RiskVerdict } from '../../../src/core/index.js';
import { runnerConfigSchema } from '../../../src/config/index.js';
import { gateStages, riskChecks, tradingLimiter } from '../../../src/modes/index.js';
import {
  BlackoutSchedule, checksStage, composeGate, maxOrderQtyCheck, orderShapeCheck, previewStage, rateLimitStage, RateLimiter,
  RequestPriority, tradingStateStage, TradingState, TradingStatus, type DecisionSink, type OrderPreview, type Submit,
  type SubmitOutcome,
} from '../../../src/risk/index.js';
import { VirtualClock } from '../../../src/time/index.js';
import { Ledger } from '../../../src/portfolio/index.js';
import { AAPL, amt, context, fill, intent } from './helpers.js';

const START = Date.parse('2025-01-08T15:00:00Z');

function recordingSink(): { sink: DecisionSink; log: string[] } {
  const log: string[] = [];
  return { log, sink: (i: OrderIntent, stage: string, v: RiskVerdict) => log.push(`${i.id} ${stage} ${v.ok ? 'PASS' : v.reason.code}`) };
}

function sync(value: ReturnType<Submit>): SubmitOutcome {
  if (isPromise(value)) throw new Error('expected a synchronous outcome');
  return value;
}

describe('DecisionSink through the gate stages', () => {
  it('hears every stage in order with its verdict, and the failing check by name', async () => {
    const clock = new VirtualClock(START);
    const { sink, log } = recordingSink();
    const state = new TradingState();
    const ctx = () => context({ now: clock.now() });
    let previewOk = true;
    const submit = composeGate([
      checksStage([orderShapeCheck(), maxOrderQtyCheck(amt(100))], ctx, sink),
      tradingStateStage(state, ctx, sink),
      rateLimitStage(new RateLimiter(4, 60_000, () => clock.now()), 2, sink),
      previewStage({ preview: (): Promise<OrderPreview> => Promise.resolve(previewOk ? { ok: true, estimatedCost: 0n, commission: 0n, buyingPowerImpact: 0n } : { ok: false, reason: 'no' }) }, sink),
    ], () => ({ kind: 'submitted' }));

    const a = intent();
    expect(await submit(a)).toEqual({ kind: 'submitted' });
    const b = intent({ qty: amt(500) });
    await submit(b);
    previewOk = false;
    const c = intent();
    expect(await submit(c)).toMatchObject({ reason: { code: DenialCode.PREVIEW_REJECTED } });
    const d = intent();
    await submit(d);
    state.set(TradingStatus.HALTED, 'x');
    const e = intent();
    await submit(e);
    expect(log).toEqual([
      `${a.id} checks PASS`, `${a.id} trading-state PASS`, `${a.id} rate-limit PASS`, `${a.id} preview PASS`,
      `${b.id} max-order-qty MAX_ORDER_QTY_EXCEEDED`,
      `${c.id} checks PASS`, `${c.id} trading-state PASS`, `${c.id} rate-limit PASS`, `${c.id} preview PREVIEW_REJECTED`,
      `${d.id} checks PASS`, `${d.id} trading-state PASS`, `${d.id} rate-limit RATE_LIMITED`,
      `${e.id} checks PASS`, `${e.id} trading-state TRADING_HALTED`,
    ]);
  });
});

function riskConfig(risk: Record<string, unknown>) {
  return runnerConfigSchema.parse({ risk }).risk;
}

describe('gateStages with the complete risk config', () => {
  it('builds the new checks after the existing ones, port-based ones only when their port is given', () => {
    const risk = riskConfig({
      buyingPowerCheck: false, marketHoursCheck: false, maxOpenOrders: 5, priceCollarPct: 5, duplicateWindowMs: 1_000,
      maxOrderRate: '10/00:00:01',
    });
    expect(riskChecks(risk).map((c) => c.name)).toEqual([
      'order-shape', 'max-open-orders', 'price-collar', 'duplicate-intent', 'order-rate',
    ]);
    const withPorts = riskChecks(risk, { feedHealth: { isStale: () => false }, blackouts: new BlackoutSchedule({}) });
    expect(withPorts.map((c) => c.name)).toEqual([
      'order-shape', 'max-open-orders', 'price-collar', 'feed-stale', 'calendar-blackout', 'duplicate-intent', 'order-rate',
    ]);
  });

  it('suppresses a duplicate only after the first one was sent, and journals the denial', () => {
    const clock = new VirtualClock(START);
    const { sink, log } = recordingSink();
    const risk = riskConfig({ duplicateWindowMs: 10_000, preview: false });
    const stages = gateStages(risk, clock, new TradingState(), { preview: () => ({ ok: false, reason: 'unused' }) }, { decisions: sink });
    const submit = composeGate(stages(() => context({ now: clock.now() })), () => ({ kind: 'submitted' }));
    expect(sync(submit(intent()))).toEqual({ kind: 'submitted' });
    const dup = intent();
    expect(sync(submit(dup))).toMatchObject({ kind: 'denied', reason: { code: DenialCode.DUPLICATE_INTENT } });
    expect(log.at(-1)).toBe(`${dup.id} duplicate-intent DUPLICATE_INTENT`);
    clock.advanceTo(START + 10_000);
    expect(sync(submit(intent()))).toEqual({ kind: 'submitted' });
  });

  it('does not count an intent the preview rejected toward duplicates or the order rate', () => {
    const clock = new VirtualClock(START);
    let ok = false;
    const risk = riskConfig({ duplicateWindowMs: 10_000, maxOrderRate: '1/00:01:00' });
    const previewer = { preview: (): OrderPreview => (ok ? { ok: true, estimatedCost: 0n, commission: 0n, buyingPowerImpact: 0n } : { ok: false, reason: 'margin' }) };
    const submit = composeGate(gateStages(risk, clock, new TradingState(), previewer)(() => context({ now: clock.now() })), () => ({ kind: 'submitted' }));
    expect(sync(submit(intent()))).toMatchObject({ reason: { code: DenialCode.PREVIEW_REJECTED } });
    ok = true;
    expect(sync(submit(intent()))).toEqual({ kind: 'submitted' });
    expect(sync(submit(intent({ qty: amt(3) })))).toMatchObject({ reason: { code: DenialCode.ORDER_RATE } });
  });

  it('with an exit reserve, entries stop early while exits still get through the shared limiter, which cancels can use', () => {
    const clock = new VirtualClock(START);
    const risk = riskConfig({ exitReservePct: 20, preview: false, tradingRatePerMinute: 10 });
    const limiter = tradingLimiter(risk, clock);
    const ledger = new Ledger(amt(100_000));
    fill(ledger, AAPL, 'BUY', 100, 100);
    const ctx = () => context({ now: clock.now(), ledger });
    const submit = composeGate(gateStages(risk, clock, new TradingState(), { preview: () => ({ ok: false, reason: 'x' }) }, { limiter })(ctx), () => ({ kind: 'submitted' }));
    const entries = Array.from({ length: 10 }, () => sync(submit(intent({ qty: amt(1) }))));
    expect(entries.filter((o) => o.kind === 'submitted')).toHaveLength(8);
    expect(entries[8]).toMatchObject({ reason: { code: DenialCode.RATE_LIMITED, context: { reserve: 2, priority: 'ENTRY' } } });
    expect(sync(submit(intent({ side: 'SELL', qty: amt(10) })))).toEqual({ kind: 'submitted' });
    expect(limiter.tryAcquire(1, RequestPriority.EXIT)).toBe(true);
    expect(limiter.tryAcquire(1, RequestPriority.EXIT)).toBe(false);
  });

  it('blocks entries during a configured blackout through the schedule port', () => {
    const clock = new VirtualClock(START);
    const blackouts = new BlackoutSchedule({ economic: { names: ['FOMC'], importance: [], minutesBefore: 30, minutesAfter: 30 } });
    blackouts.addEconomicRelease({ name: 'FOMC rate decision', ts: START + 60_000 });
    const risk = riskConfig({ preview: false });
    const submit = composeGate(gateStages(risk, clock, new TradingState(), { preview: () => ({ ok: false, reason: 'x' }) }, { blackouts })(() => context({ now: clock.now() })), () => ({ kind: 'submitted' }));
    expect(sync(submit(intent()))).toMatchObject({ reason: { code: DenialCode.CALENDAR_BLACKOUT } });
  });
});
