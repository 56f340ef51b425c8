import { describe, expect, it } from 'vitest';
import { DenialCode } from '../../../src/core/index.js';
import { Ledger } from '../../../src/portfolio/index.js';
import { TradingState, TradingStatus } from '../../../src/risk/index.js';
import { AAPL, amt, context, denial, fill, intent } from './helpers.js';

function longAapl(qty: number): Ledger {
  const ledger = new Ledger(amt(100_000));
  fill(ledger, AAPL, 'BUY', qty, 100);
  return ledger;
}

describe('TradingState', () => {
  it('starts ACTIVE and passes everything', () => {
    const state = new TradingState();
    expect(state.status).toBe(TradingStatus.ACTIVE);
    expect(state.reason).toBe('initial');
    expect(state.check(intent(), context()).ok).toBe(true);
    expect(state.check(intent({ side: 'SELL' }), context()).ok).toBe(true);
  });

  it('records the status and why it was set', () => {
    const state = new TradingState();
    state.set(TradingStatus.HALTED, 'daily loss limit');
    expect(state.status).toBe('HALTED');
    expect(state.reason).toBe('daily loss limit');
  });

  it('denies TRADING_HALTED for every order when HALTED, reducing ones included', () => {
    const state = new TradingState();
    state.set(TradingStatus.HALTED, 'operator');
    const ctx = context({ ledger: longAapl(50) });
    for (const order of [intent(), intent({ side: 'SELL', qty: amt(10) })]) {
      const reason = denial(state.check(order, ctx));
      expect(reason.code).toBe(DenialCode.TRADING_HALTED);
      expect(reason.message).toContain('operator');
    }
  });

  it('in REDUCING passes only orders that shrink a position', () => {
    const state = new TradingState();
    state.set(TradingStatus.REDUCING, 'drawdown');
    const ctx = context({ ledger: longAapl(50) });
    expect(state.check(intent({ side: 'SELL', qty: amt(10) }), ctx).ok).toBe(true);
    expect(state.check(intent({ side: 'SELL', qty: amt(50) }), ctx).ok).toBe(true);
    const adding = denial(state.check(intent({ qty: amt(1) }), ctx));
    expect(adding.code).toBe(DenialCode.REDUCING_ONLY);
    expect(adding.message).toContain('drawdown');
    expect(denial(state.check(intent({ side: 'SELL', qty: amt(51) }), ctx)).code).toBe(DenialCode.REDUCING_ONLY);
  });

  it('in REDUCING denies any order when flat', () => {
    const state = new TradingState();
    state.set(TradingStatus.REDUCING, 'x');
    expect(denial(state.check(intent({ side: 'SELL' }), context())).code).toBe(DenialCode.REDUCING_ONLY);
  });

  it('returns to passing when set back to ACTIVE', () => {
    const state = new TradingState();
    state.set(TradingStatus.HALTED, 'x');
    state.set(TradingStatus.ACTIVE, 'resumed');
    expect(state.check(intent(), context()).ok).toBe(true);
  });
});
