import { describe, expect, it } from 'vitest';
import { runnerConfigSchema } from '../../../src/config/index.js';
import { gateStages } from '../../../src/modes/index.js';
import { composeGate, TradingState, type OrderPreview, type OrderPreviewer, type SubmitOutcome } from '../../../src/risk/index.js';
import { VirtualClock } from '../../../src/time/index.js';
import { amt, context, intent } from './helpers.js';

/** A broker preview that answers only when the test says so, like a slow REST call. */
function heldPreviewer(): OrderPreviewer & { release(ok: boolean): void; pending: number } {
  const waiting: ((p: OrderPreview) => void)[] = [];
  return {
    get pending() {
      return waiting.length;
    },
    preview() {
      return new Promise<OrderPreview>((resolve) => waiting.push(resolve));
    },
    release(ok) {
      const next = waiting.shift();
      next?.(ok ? { ok: true, estimatedCost: amt(1), commission: 0n, buyingPowerImpact: amt(1) } : { ok: false, reason: 'test' });
    },
  };
}

function gate(risk: Record<string, unknown>) {
  const clock = new VirtualClock(Date.parse('2025-01-08T15:00:00Z'));
  const previewer = heldPreviewer();
  const config = runnerConfigSchema.parse({ risk: { preview: true, ...risk } }).risk;
  const stages = gateStages(config, clock, new TradingState(), previewer)(() => context({ now: clock.now() }));
  const submit = composeGate(stages, () => ({ kind: 'submitted' }) as SubmitOutcome);
  return { submit: (q: number) => Promise.resolve(submit(intent({ qty: amt(q) }))), previewer };
}

describe('reservation of intents awaiting an async preview', () => {
  it('counts intents still in the gate against the order-rate limit', async () => {
    const g = gate({ maxOrderRate: '2/00:00:30' });
    const a = g.submit(1);
    const b = g.submit(2);
    const c = await g.submit(3);
    expect(c).toMatchObject({ kind: 'denied', reason: { code: 'ORDER_RATE' } });
    expect(g.previewer.pending).toBe(2);
    g.previewer.release(true);
    g.previewer.release(true);
    expect((await a).kind).toBe('submitted');
    expect((await b).kind).toBe('submitted');
    expect(await g.submit(4)).toMatchObject({ kind: 'denied', reason: { code: 'ORDER_RATE' } });
  });

  it('frees the hold of an intent the preview refused', async () => {
    const g = gate({ maxOrderRate: '1/00:00:30' });
    const a = g.submit(1);
    expect(await g.submit(2)).toMatchObject({ kind: 'denied', reason: { code: 'ORDER_RATE' } });
    g.previewer.release(false);
    expect(await a).toMatchObject({ kind: 'denied', reason: { code: 'PREVIEW_REJECTED' } });
    const c = g.submit(3);
    g.previewer.release(true);
    expect((await c).kind).toBe('submitted');
  });

  it('refuses a duplicate of an intent still awaiting its preview', async () => {
    const g = gate({ duplicateWindowMs: 10_000 });
    const a = g.submit(1);
    expect(await g.submit(1)).toMatchObject({ kind: 'denied', reason: { code: 'DUPLICATE_INTENT' } });
    g.previewer.release(true);
    expect((await a).kind).toBe('submitted');
  });
});
