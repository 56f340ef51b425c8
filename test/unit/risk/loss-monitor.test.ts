import { describe, expect, it } from 'vitest';
import { DenialCode } from '../../../src/core/index.js';
import { Ledger } from '../../../src/portfolio/index.js';
import {
  LossAction, LossMonitor, TradingState, TradingStatus, type LossLimits,
} from '../../../src/risk/index.js';
import { NyseCalendar } from '../../../src/time/index.js';
import { AAPL, amt, context, denial, fill, intent } from './helpers.js';

const calendar = new NyseCalendar();
/** Wednesday 2025-01-08, 10:00 and 15:00 New York. */
const WED_10 = Date.parse('2025-01-08T15:00:00Z');
const WED_15 = Date.parse('2025-01-08T20:00:00Z');
/** After Wednesday's close: belongs to Friday's session (Thursday 2025-01-09 was closed). */
const WED_EVENING = Date.parse('2025-01-08T23:00:00Z');
const FRI_10 = Date.parse('2025-01-10T15:00:00Z');

function monitor(limits: Partial<LossLimits>, state = new TradingState()): { m: LossMonitor; state: TradingState } {
  return { m: new LossMonitor({ action: LossAction.HALT, ...limits }, state, calendar), state };
}

describe('LossMonitor: daily loss', () => {
  it('halts when equity falls by the limit from the session start, with the reason, and the gate then denies', () => {
    const { m, state } = monitor({ dailyLossLimit: amt(1_000) });
    expect(m.onEquity(amt(100_000), WED_10)).toBeUndefined();
    expect(m.onEquity(amt(99_000.01), WED_15)).toBeUndefined();
    expect(state.status).toBe(TradingStatus.ACTIVE);
    const breach = m.onEquity(amt(99_000), WED_15);
    expect(breach?.kind).toBe('DAILY_LOSS');
    expect(state.status).toBe(TradingStatus.HALTED);
    expect(state.reason).toContain('daily loss limit');
    expect(state.reason).toContain('2025-01-08');
    expect(denial(state.check(intent(), context())).code).toBe(DenialCode.TRADING_HALTED);
  });

  it('measures each NYSE session from its own first equity; after the close counts toward the next session', () => {
    const { m, state } = monitor({ dailyLossLimit: amt(1_000) });
    m.onEquity(amt(100_000), WED_10);
    m.onEquity(amt(99_500), WED_15);
    // After Wednesday's close the next session is Friday (Thursday closed): a new baseline.
    m.onEquity(amt(99_400), WED_EVENING);
    expect(m.snapshot()).toEqual({ sessionDate: '2025-01-10', sessionStartEquity: amt(99_400), peakEquity: amt(100_000) });
    expect(m.onEquity(amt(98_500), FRI_10)).toBeUndefined();
    expect(state.status).toBe(TradingStatus.ACTIVE);
    expect(m.onEquity(amt(98_400), FRI_10)?.kind).toBe('DAILY_LOSS');
  });

  it('in reduce mode sets REDUCING: exits pass, entries are denied REDUCING_ONLY', () => {
    const { m, state } = monitor({ dailyLossLimit: amt(500), action: LossAction.REDUCE });
    m.onEquity(amt(100_000), WED_10);
    m.onEquity(amt(99_000), WED_15);
    expect(state.status).toBe(TradingStatus.REDUCING);
    const ledger = new Ledger(amt(100_000));
    fill(ledger, AAPL, 'BUY', 50, 100);
    expect(state.check(intent({ side: 'SELL', qty: amt(50) }), context({ ledger })).ok).toBe(true);
    expect(denial(state.check(intent(), context({ ledger }))).code).toBe(DenialCode.REDUCING_ONLY);
  });
});

describe('LossMonitor: max drawdown', () => {
  it('halts when equity is the given percent below the running peak, exactly at the boundary', () => {
    const { m, state } = monitor({ maxDrawdownPct: 10 });
    m.onEquity(amt(100_000), WED_10);
    m.onEquity(amt(120_000), WED_10);
    expect(m.onEquity(amt(108_000.01), WED_15)).toBeUndefined();
    const breach = m.onEquity(amt(108_000), WED_15);
    expect(breach?.kind).toBe('MAX_DRAWDOWN');
    expect(breach?.message).toContain('peak 120000.00');
    expect(state.status).toBe(TradingStatus.HALTED);
  });

  it('keeps the peak across sessions', () => {
    const { m } = monitor({ maxDrawdownPct: 5 });
    m.onEquity(amt(100_000), WED_10);
    m.onEquity(amt(97_000), WED_EVENING);
    expect(m.onEquity(amt(95_000), FRI_10)?.kind).toBe('MAX_DRAWDOWN');
  });

  it('can start from a restored snapshot', () => {
    const state = new TradingState();
    const m = new LossMonitor({ action: LossAction.HALT, maxDrawdownPct: 10 }, state, calendar, {
      sessionDate: '2025-01-08', sessionStartEquity: amt(100_000), peakEquity: amt(200_000),
    });
    expect(m.onEquity(amt(180_000), WED_15)?.kind).toBe('MAX_DRAWDOWN');
  });
});

describe('LossMonitor: escalation only', () => {
  it('never lifts a state and never downgrades HALTED to REDUCING', () => {
    const state = new TradingState();
    state.set(TradingStatus.HALTED, 'operator');
    const { m } = monitor({ dailyLossLimit: amt(1), action: LossAction.REDUCE }, state);
    m.onEquity(amt(100), WED_10);
    m.onEquity(amt(50), WED_10);
    expect([state.status, state.reason]).toEqual(['HALTED', 'operator']);
  });

  it('a reduce-mode breach leaves an existing REDUCING reason alone; halt mode escalates it', () => {
    const state = new TradingState();
    state.set(TradingStatus.REDUCING, 'first');
    const reducer = monitor({ dailyLossLimit: amt(1), action: LossAction.REDUCE }, state).m;
    reducer.onEquity(amt(100), WED_10);
    expect(reducer.onEquity(amt(0), WED_10)?.kind).toBe('DAILY_LOSS');
    expect([state.status, state.reason]).toEqual(['REDUCING', 'first']);
    const { m } = monitor({ dailyLossLimit: amt(1) }, state);
    m.onEquity(amt(100), WED_10);
    m.onEquity(amt(99), WED_10);
    expect(state.status).toBe(TradingStatus.HALTED);
  });

  it('does nothing with no limits configured', () => {
    const { m, state } = monitor({});
    m.onEquity(amt(100_000), WED_10);
    expect(m.onEquity(amt(1), WED_15)).toBeUndefined();
    expect(state.status).toBe(TradingStatus.ACTIVE);
  });
});
