import { describe, expect, it } from 'vitest';
import { toSymbol, type Bar, type RunnerError } from '../../../src/core/index.js';
import { StrategyRunner, type HandlerWatchdog } from '../../../src/engine/strategy-runner.js';
import type { StrategyContext, StrategyDefinition } from '../../../src/strategy/index.js';

const T = Date.UTC(2024, 2, 4, 15, 0);

function bar(i: number): Bar {
  return { kind: 'bar', symbol: toSymbol('SIMA'), ts: T + i * 60_000, tsEnd: T + (i + 1) * 60_000, open: 1, high: 1, low: 1, close: 1, volume: 1 };
}

/** A fake monotonic counter: each handler call "takes" the next duration in the list. */
function fakeTime(durations: readonly number[]): { measureMs: () => number; warnings: { message: string; fields: Readonly<Record<string, unknown>> }[]; watchdog: HandlerWatchdog } {
  let now = 0;
  let reads = 0;
  const warnings: { message: string; fields: Readonly<Record<string, unknown>> }[] = [];
  // Reads come in pairs (start, end): the end read advances the counter by the call's duration.
  const measureMs = (): number => {
    reads += 1;
    if (reads % 2 === 0) now += durations[reads / 2 - 1] ?? 0;
    return now;
  };
  return { measureMs, warnings, watchdog: { measureMs, warn: (message, fields) => void warnings.push({ message, fields }) } };
}

function runner(strategy: StrategyDefinition, watchdog?: HandlerWatchdog): { runner: StrategyRunner; failures: RunnerError[] } {
  const failures: RunnerError[] = [];
  const ctx = { now: () => T } as unknown as StrategyContext;
  return { runner: new StrategyRunner(strategy, ctx, () => undefined, (e) => void failures.push(e), watchdog), failures };
}

const slowBars: StrategyDefinition = { name: 'slowpoke', params: {}, onBar: () => undefined, onStart: () => undefined };

describe('StrategyRunner watchdog (reliability T-21)', () => {
  it('warns once per handler call slower than the threshold, naming the strategy and the handler', () => {
    const time = fakeTime([5, 1_500, 999, 1_000, 1_001]);
    const { runner: r } = runner(slowBars, time.watchdog);
    r.start();
    for (let i = 0; i < 4; i += 1) r.deliver(bar(i));
    expect(time.warnings.map((w) => w.fields)).toEqual([
      { strategy: 'slowpoke', handler: 'onBar', tookMs: 1_500, thresholdMs: 1_000, slowCalls: 1 },
      { strategy: 'slowpoke', handler: 'onBar', tookMs: 1_001, thresholdMs: 1_000, slowCalls: 2 },
    ]);
    expect(time.warnings[0]?.message).toMatch(/^strategy "slowpoke" onBar took 1500 ms at 2024-03-04T15:00:00.000Z \(watchdog threshold 1000 ms\)/);
    expect(r.slowCalls).toBe(2);
  });

  it('honours a custom threshold and times onStart too', () => {
    const time = fakeTime([300, 100]);
    const { runner: r } = runner(slowBars, { ...time.watchdog, thresholdMs: 250 });
    r.start();
    r.deliver(bar(0));
    expect(time.warnings.map((w) => w.fields['handler'])).toEqual(['onStart']);
  });

  it('still times a handler that throws, and still reports the throw', () => {
    const time = fakeTime([2_000]);
    const throwing: StrategyDefinition = { name: 'boom', params: {}, onBar: () => { throw new Error('bad'); } };
    const { runner: r } = runner(throwing, time.watchdog);
    expect(() => r.deliver(bar(0))).toThrow(/strategy "boom" onBar threw/);
    expect(time.warnings.map((w) => w.fields['tookMs'])).toEqual([2_000]);
  });

  it('without a watchdog never measures or warns', () => {
    const { runner: r } = runner(slowBars);
    r.start();
    r.deliver(bar(0));
    expect(r.slowCalls).toBe(0);
  });
});
