import { Subject } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { amountFromNumber, toSymbol, type OrderEvent, type OrderIntent, type StrategyInput } from '../../../src/core/index.js';
import { Engine } from '../../../src/engine/index.js';
import type { ExecutionAdapter } from '../../../src/execution/index.js';
import { Ledger } from '../../../src/portfolio/index.js';
import { previewStage, type OrderPreview } from '../../../src/risk/index.js';
import { defineStrategy } from '../../../src/strategy/index.js';
import { NyseCalendar, VirtualClock } from '../../../src/time/index.js';
import { memoryLog } from '../../support/backtest-settings.js';

describe('Engine.settled', () => {
  it('waits for intents still in an asynchronous gate, so a session never disconnects under them', async () => {
    const sent: OrderIntent[] = [];
    let connected = true;
    let answer: ((p: OrderPreview) => void) | undefined;
    const adapter: ExecutionAdapter = {
      events$: new Subject<OrderEvent>(),
      connect: () => Promise.resolve(),
      disconnect: () => {
        connected = false;
        return Promise.resolve();
      },
      preview: () => new Promise<OrderPreview>((resolve) => (answer = resolve)),
      submit: (intent) => {
        if (!connected) throw new Error('submitted after disconnect');
        sent.push(intent);
        return Promise.resolve({ kind: 'submitted' });
      },
      cancel: () => undefined,
      openOrders: () => [],
    };
    const engine = new Engine({
      clock: new VirtualClock(Date.UTC(2025, 0, 8, 15)), calendar: new NyseCalendar(), adapter, ledger: new Ledger(amountFromNumber(1000)),
      strategy: defineStrategy({ name: 'once', params: {}, onBar: (bar, ctx) => void ctx.buy(bar.symbol, 1) }), params: {},
      gateStages: () => [previewStage(adapter)], queueForNextOpen: false, log: memoryLog(),
    });
    const bars = new Subject<StrategyInput>();
    engine.start([bars]);
    const open = Date.UTC(2025, 0, 8, 14, 30);
    bars.next({ kind: 'bar', symbol: toSymbol('AAPL'), ts: open, tsEnd: open + 60_000, open: 1, high: 1, low: 1, close: 1, volume: 1 });
    let settled = false;
    const done = engine.settled().then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    answer?.({ ok: true, estimatedCost: amountFromNumber(1), commission: 0n, buyingPowerImpact: amountFromNumber(1) });
    await done;
    expect(sent.map((i) => i.symbol)).toEqual(['AAPL']);
    engine.stop();
    await adapter.disconnect();
    expect(engine.failure).toBeUndefined();
  });
});

describe('Engine.start', () => {
  it('sends orders placed in onStart through the gate at once, not at the first input', () => {
    const sent: OrderIntent[] = [];
    const adapter: ExecutionAdapter = {
      events$: new Subject<OrderEvent>(),
      connect: () => Promise.resolve(),
      disconnect: () => Promise.resolve(),
      preview: () => ({ ok: true, estimatedCost: 0n, commission: 0n, buyingPowerImpact: 0n }),
      submit: (intent) => {
        sent.push(intent);
        return { kind: 'submitted' };
      },
      cancel: () => undefined,
      openOrders: () => [],
    };
    const engine = new Engine({
      clock: new VirtualClock(Date.UTC(2025, 0, 8, 15)), calendar: new NyseCalendar(), adapter, ledger: new Ledger(amountFromNumber(1000)),
      strategy: defineStrategy({ name: 'opener', params: {}, onStart: (ctx) => void ctx.buy('MSFT', 2) }), params: {},
      gateStages: () => [], queueForNextOpen: false, log: memoryLog(),
    });
    engine.start([]);
    expect(sent.map((i) => i.symbol)).toEqual(['MSFT']);
    engine.stop();
  });
});

describe('Engine.stopped', () => {
  it('resolves when strategy code throws, so a session stops without polling', async () => {
    const adapter: ExecutionAdapter = {
      events$: new Subject<OrderEvent>(),
      connect: () => Promise.resolve(),
      disconnect: () => Promise.resolve(),
      preview: () => ({ ok: true, estimatedCost: 0n, commission: 0n, buyingPowerImpact: 0n }),
      submit: () => ({ kind: 'submitted' }),
      cancel: () => undefined,
      openOrders: () => [],
    };
    const engine = new Engine({
      clock: new VirtualClock(Date.UTC(2025, 0, 8, 15)), calendar: new NyseCalendar(), adapter, ledger: new Ledger(amountFromNumber(1000)),
      strategy: defineStrategy({ name: 'boom', params: {}, onStart: () => { throw new Error('boom'); } }), params: {},
      gateStages: () => [], queueForNextOpen: false, log: memoryLog(),
    });
    engine.start([]);
    await engine.stopped;
    expect(engine.failure?.code).toBe('STRATEGY_ERR_HANDLER');
  });
});
