import { describe, expect, it } from 'vitest';
import { RunProgress } from '../../../src/cli/run-progress.js';
import { ShutdownSignal, FORCED_EXIT_CODE } from '../../../src/cli/shutdown-signal.js';
import type { Bar, OrderEvent } from '../../../src/core/index.js';
import type { StrategyContext, StrategyDefinition } from '../../../src/strategy/index.js';

function ctxAt(now: number, equity: number): StrategyContext {
  return { now: () => now, portfolio: { equity } } as unknown as StrategyContext;
}

describe('RunProgress', () => {
  it('counts bars, accepted orders and fills through the wrapped strategy, keeping its `this` and handlers', () => {
    const seen: number[] = [];
    const strategy = Object.freeze({
      name: 'counter', params: {}, hits: 0,
      onBar(this: { hits: number }, bar: Bar) {
        seen.push(bar.close);
      },
    }) as unknown as StrategyDefinition;
    const progress = new RunProgress(() => undefined);
    const wrapped = progress.observe(strategy);
    expect(wrapped.name).toBe('counter');
    expect(progress.line()).toBe('progress: running, waiting for the first bar');
    wrapped.onBar?.({ close: 5 } as Bar, ctxAt(Date.UTC(2020, 0, 2, 21), 1234.5));
    const accepted = { kind: 'order', type: 'OrderAccepted', orderId: 'o1' } as unknown as OrderEvent;
    wrapped.onOrder?.(accepted, ctxAt(0, 0));
    wrapped.onOrder?.(accepted, ctxAt(0, 0));
    wrapped.onOrder?.({ kind: 'order', type: 'OrderFilled', orderId: 'o1' } as unknown as OrderEvent, ctxAt(0, 0));
    expect(seen).toEqual([5]);
    expect(progress.line()).toBe('progress: market 2020-01-02 21:00Z | bars 1 | orders 1 | fills 1 | equity 1234.50');
  });

  it('lets a strategy handler throw through unchanged (the engine names the handler)', () => {
    const strategy = { name: 's', params: {}, onBar: () => { throw new Error('boom'); } } as unknown as StrategyDefinition;
    const wrapped = new RunProgress(() => undefined).observe(strategy);
    expect(() => wrapped.onBar?.({ close: 1 } as Bar, ctxAt(0, 0))).toThrow('boom');
  });
});

describe('ShutdownSignal', () => {
  it('resolves on the first signal and forces exit 130 on the second', async () => {
    const out: string[] = [];
    const exits: number[] = [];
    const before = process.listenerCount('SIGTERM');
    const s = new ShutdownSignal({ write: (t) => out.push(t), exit: (c) => exits.push(c) });
    expect(process.listenerCount('SIGTERM')).toBe(before + 1);
    try {
      process.emit('SIGTERM', 'SIGTERM');
      await s.stopping;
      expect(s.reason).toBe('SIGTERM');
      expect(exits).toEqual([]);
      process.emit('SIGTERM', 'SIGTERM');
      expect(exits).toEqual([FORCED_EXIT_CODE]);
      expect(out.join('')).toMatch(/SIGTERM: stopping[\s\S]*SIGTERM while stopping: forcing exit/);
    } finally {
      s.dispose();
    }
    expect(process.listenerCount('SIGTERM')).toBe(before);
  });

  it('stops on request (a fault) with the reason, and a later signal forces the exit', async () => {
    const exits: number[] = [];
    const s = new ShutdownSignal({ write: () => undefined, exit: (c) => exits.push(c) });
    try {
      s.request('unhandled promise rejection');
      await s.stopping;
      expect(s.reason).toBe('unhandled promise rejection');
      process.emit('SIGINT', 'SIGINT');
      expect(exits).toEqual([FORCED_EXIT_CODE]);
    } finally {
      s.dispose();
    }
  });
});
