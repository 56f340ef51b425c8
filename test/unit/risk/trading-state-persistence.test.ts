import { describe, expect, it } from 'vitest';
import { DenialCode } from '../../../src/core/index.js';
import {
  TradingState, TradingStatus, type TradingStateRecord, type TradingStateStore,
} from '../../../src/risk/index.js';
import { VirtualClock } from '../../../src/time/index.js';
import { context, denial, intent } from './helpers.js';

/** An in-memory store standing in for the journal, recording every save. */
function fakeStore(initial?: TradingStateRecord): TradingStateStore & { saves: TradingStateRecord[]; current: TradingStateRecord | undefined } {
  const store = {
    saves: [] as TradingStateRecord[],
    current: initial,
    load: () => store.current,
    save(record: TradingStateRecord) {
      store.saves.push(record);
      store.current = record;
    },
  };
  return store;
}

describe('TradingState persistence', () => {
  it('saves every change with its reason and the clock time', () => {
    const clock = new VirtualClock(1_000);
    const store = fakeStore();
    const state = new TradingState({ store, now: () => clock.now() });
    expect(state.status).toBe(TradingStatus.ACTIVE);
    expect(store.saves).toEqual([]);
    state.set(TradingStatus.REDUCING, 'drawdown');
    clock.advanceTo(2_000);
    state.set(TradingStatus.HALTED, 'daily loss');
    expect(store.saves).toEqual([
      { status: 'REDUCING', reason: 'drawdown', ts: 1_000 },
      { status: 'HALTED', reason: 'daily loss', ts: 2_000 },
    ]);
    expect(state.ts).toBe(2_000);
  });

  it('round-trips through the store: a new instance restores status, reason and time', () => {
    const store = fakeStore();
    const first = new TradingState({ store, now: () => 5_000 });
    first.set(TradingStatus.REDUCING, 'operator');
    const second = new TradingState({ store, now: () => 9_000 });
    expect([second.status, second.reason, second.ts]).toEqual(['REDUCING', 'operator', 5_000]);
    expect(second.latchedHalt).toBe(false);
    expect(second.set(TradingStatus.ACTIVE, 'ok')).toBe(true);
  });

  it('a restored HALT stays HALTED through set() and still denies, until resume()', () => {
    const store = fakeStore({ status: 'HALTED', reason: 'daily loss limit', ts: 1 });
    const state = new TradingState({ store, now: () => 7_000 });
    expect(state.latchedHalt).toBe(true);
    expect(state.set(TradingStatus.ACTIVE, 'startup')).toBe(false);
    expect(state.set(TradingStatus.REDUCING, 'monitor')).toBe(false);
    expect(state.status).toBe(TradingStatus.HALTED);
    expect(denial(state.check(intent(), context())).code).toBe(DenialCode.TRADING_HALTED);
    expect(store.saves).toEqual([]);

    state.resume('aries-runner resume by ops');
    expect(state.status).toBe(TradingStatus.ACTIVE);
    expect(state.latchedHalt).toBe(false);
    expect(state.check(intent(), context()).ok).toBe(true);
    expect(store.current).toEqual({ status: 'ACTIVE', reason: 'aries-runner resume by ops', ts: 7_000 });
    expect(new TradingState({ store, now: () => 0 }).status).toBe(TradingStatus.ACTIVE);
  });

  it('a resume command in another process lifts the halt for the next restart', () => {
    const store = fakeStore({ status: 'HALTED', reason: 'max drawdown', ts: 1 });
    new TradingState({ store, now: () => 50 }).resume('resume command');
    const restarted = new TradingState({ store, now: () => 60 });
    expect(restarted.status).toBe(TradingStatus.ACTIVE);
    expect(restarted.reason).toBe('resume command');
  });

  it('restore() reloads what the store holds now', () => {
    const store = fakeStore();
    const state = new TradingState({ store, now: () => 0 });
    expect(state.restore()).toBeUndefined();
    store.current = { status: 'HALTED', reason: 'external', ts: 3 };
    expect(state.restore()).toEqual({ status: 'HALTED', reason: 'external', ts: 3 });
    expect(state.status).toBe(TradingStatus.HALTED);
    expect(state.latchedHalt).toBe(true);
  });

  it('a HALT set in this process is not latched: set() may lift it, as before', () => {
    const store = fakeStore();
    const state = new TradingState({ store, now: () => 0 });
    state.set(TradingStatus.HALTED, 'x');
    expect(state.set(TradingStatus.ACTIVE, 'y')).toBe(true);
  });

  it('refuses a corrupt stored status with RISK_ERR_STATE_CORRUPT', () => {
    const bad = { status: 'PAUSED', reason: 'x', ts: 0 } as unknown as TradingStateRecord;
    expect(() => new TradingState({ store: fakeStore(bad), now: () => 0 })).toThrow(
      expect.objectContaining({ code: 'RISK_ERR_STATE_CORRUPT' }),
    );
  });

  it('without a store keeps working in memory, stamping no time', () => {
    const state = new TradingState();
    state.set(TradingStatus.HALTED, 'x');
    expect(state.ts).toBe(0);
    expect(state.restore()).toBeUndefined();
    expect(state.status).toBe(TradingStatus.HALTED);
  });
});
