import { describe, expect, it } from 'vitest';
import { DenialCode, isPromise } from '../../../src/core/index.js';
import { runnerConfigSchema } from '../../../src/config/index.js';
import { gateStages, riskChecks } from '../../../src/modes/index.js';
import { composeGate, TradingState, type OrderPreviewer, type SubmitOutcome } from '../../../src/risk/index.js';
import { VirtualClock } from '../../../src/time/index.js';
import { amt, context, intent, MSFT } from './helpers.js';

function riskConfig(risk: Record<string, unknown>) {
  return runnerConfigSchema.parse({ risk }).risk;
}

function counting(): OrderPreviewer & { calls: number } {
  return {
    calls: 0,
    preview() {
      this.calls += 1;
      return { ok: true, estimatedCost: amt(1), commission: 0n, buyingPowerImpact: amt(1) };
    },
  };
}

function submittedCount(risk: Record<string, unknown>, attempts: number): { submitted: number; previews: number; last: SubmitOutcome } {
  const clock = new VirtualClock(Date.parse('2025-01-08T15:00:00Z'));
  const previewer = counting();
  const stages = gateStages(riskConfig(risk), clock, new TradingState(), previewer)(() => context({ now: clock.now() }));
  const submit = composeGate(stages, () => ({ kind: 'submitted' }));
  let submitted = 0;
  let last: SubmitOutcome = { kind: 'submitted' };
  for (let i = 0; i < attempts; i += 1) {
    const outcome = submit(intent({ qty: amt(1) }));
    if (isPromise(outcome)) throw new Error('backtest gate must be synchronous');
    if (outcome.kind === 'submitted') submitted += 1;
    last = outcome;
  }
  return { submitted, previews: previewer.calls, last };
}

describe('gateStages (modes)', () => {
  it('with preview on, charges two tokens per order: 25 orders a minute at 50/min', () => {
    const run = submittedCount({}, 40);
    expect(run.submitted).toBe(25);
    expect(run.previews).toBe(25);
    expect(run.last).toMatchObject({ kind: 'denied', reason: { code: DenialCode.RATE_LIMITED } });
  });

  it('with preview off, charges one token: 50 orders a minute, and never previews', () => {
    const run = submittedCount({ preview: false }, 60);
    expect(run.submitted).toBe(50);
    expect(run.previews).toBe(0);
  });

  it('uses the configured trading rate', () => {
    expect(submittedCount({ tradingRatePerMinute: 10, preview: false }, 20).submitted).toBe(10);
  });

  it('builds the local checks in the documented order, only those configured', () => {
    const all = riskChecks(riskConfig({ maxOrderQty: 10, maxOrderNotional: 1000, maxPositionQty: 20, allowedSymbols: ['aapl'] }));
    expect(all.map((c) => c.name)).toEqual([
      'order-shape', 'allowed-symbols', 'max-order-qty', 'max-order-notional', 'max-position', 'buying-power', 'market-hours',
    ]);
    const minimal = riskChecks(riskConfig({ buyingPowerCheck: false, marketHoursCheck: false }));
    expect(minimal.map((c) => c.name)).toEqual(['order-shape']);
  });

  it('upper-cases configured symbols so they match intents', () => {
    const [, allowed] = riskChecks(riskConfig({ allowedSymbols: ['aapl'] }));
    expect(allowed?.check(intent(), context()).ok).toBe(true);
    expect(allowed?.check(intent({ symbol: MSFT }), context()).ok).toBe(false);
  });
});
