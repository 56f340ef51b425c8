import { describe, expect, it } from 'vitest';
import { DenialCode, isPromise, type OrderIntent } from '../../../src/core/index.js';
import {
  checksStage, composeGate, maxOrderQtyCheck, orderShapeCheck, previewStage, rateLimitStage, RateLimiter,
  tradingStateStage, TradingState, TradingStatus, type OrderPreview, type OrderPreviewer, type Submit,
  type SubmitOutcome,
} from '../../../src/risk/index.js';
import { VirtualClock } from '../../../src/time/index.js';
import { amt, context, intent } from './helpers.js';

const OK_PREVIEW: OrderPreview = { ok: true, estimatedCost: amt(1_000), commission: 0n, buyingPowerImpact: amt(1_000) };

/** A previewer that counts its calls and answers with `answer` (sync or async). */
function recordingPreviewer(answer: (i: OrderIntent) => OrderPreview | Promise<OrderPreview>): OrderPreviewer & { calls: number } {
  return {
    calls: 0,
    preview(i) {
      this.calls += 1;
      return answer(i);
    },
  };
}

/** A terminal that counts submits and reports each as submitted. */
function recordingTerminal(): { submit: Submit; submitted: OrderIntent[] } {
  const submitted: OrderIntent[] = [];
  return { submitted, submit: (i) => { submitted.push(i); return { kind: 'submitted' }; } };
}

function buildGate(previewer: OrderPreviewer, ratePerMinute = 50) {
  const clock = new VirtualClock(Date.parse('2025-01-08T15:00:00Z'));
  const limiter = new RateLimiter(ratePerMinute, 60_000, () => clock.now());
  const state = new TradingState();
  const terminal = recordingTerminal();
  const ctx = () => context({ now: clock.now() });
  const submit = composeGate([
    checksStage([orderShapeCheck(), maxOrderQtyCheck(amt(100))], ctx),
    tradingStateStage(state, ctx),
    rateLimitStage(limiter, 2),
    previewStage(previewer),
  ], terminal.submit);
  return { clock, limiter, state, terminal, submit };
}

function syncOutcome(value: ReturnType<Submit>): SubmitOutcome {
  if (isPromise(value)) throw new Error('expected a synchronous outcome');
  return value;
}

describe('composed gate', () => {
  it('returns a plain value, not a Promise, when every stage is synchronous', () => {
    const previewer = recordingPreviewer(() => OK_PREVIEW);
    const { submit, terminal } = buildGate(previewer);
    const result = submit(intent());
    expect(result).not.toBeInstanceOf(Promise);
    expect(result).toEqual({ kind: 'submitted' });
    expect(previewer.calls).toBe(1);
    expect(terminal.submitted).toHaveLength(1);
  });

  it('returns a plain denial value, not a throw, for a failed check', () => {
    const { submit } = buildGate(recordingPreviewer(() => OK_PREVIEW));
    const outcome = syncOutcome(submit(intent({ qty: 0n })));
    expect(outcome).toMatchObject({ kind: 'denied', reason: { code: DenialCode.INVALID_ORDER } });
  });

  it('runs checks in order: the first refusal wins', () => {
    const { submit } = buildGate(recordingPreviewer(() => OK_PREVIEW));
    const outcome = syncOutcome(submit(intent({ qty: 0n, type: 'LIMIT' })));
    expect(outcome).toMatchObject({ reason: { code: DenialCode.INVALID_ORDER } });
    expect(syncOutcome(submit(intent({ qty: amt(101) })))).toMatchObject({ reason: { code: DenialCode.MAX_ORDER_QTY_EXCEEDED } });
  });

  it('a denied check consumes no rate-limit token and never reaches preview or submit', () => {
    const previewer = recordingPreviewer(() => OK_PREVIEW);
    const { submit, limiter, terminal } = buildGate(previewer);
    for (let i = 0; i < 100; i += 1) submit(intent({ qty: amt(1_000) }));
    expect(limiter.available()).toBe(50);
    expect(previewer.calls).toBe(0);
    expect(terminal.submitted).toHaveLength(0);
  });

  it('a halted account is denied TRADING_HALTED before the limiter and preview', () => {
    const previewer = recordingPreviewer(() => OK_PREVIEW);
    const { submit, limiter, state, terminal } = buildGate(previewer);
    state.set(TradingStatus.HALTED, 'kill switch');
    expect(syncOutcome(submit(intent()))).toMatchObject({ kind: 'denied', reason: { code: DenialCode.TRADING_HALTED } });
    expect(limiter.available()).toBe(50);
    expect(previewer.calls).toBe(0);
    expect(terminal.submitted).toHaveLength(0);
  });

  it('a REDUCING account denies an opening order REDUCING_ONLY', () => {
    const { submit, state } = buildGate(recordingPreviewer(() => OK_PREVIEW));
    state.set(TradingStatus.REDUCING, 'drawdown');
    expect(syncOutcome(submit(intent()))).toMatchObject({ reason: { code: DenialCode.REDUCING_ONLY } });
  });

  it('preview and submit share the bucket: cost 2 lets 25 orders a minute through at 50/min', () => {
    const previewer = recordingPreviewer(() => OK_PREVIEW);
    const { submit, clock, terminal } = buildGate(previewer);
    const outcomes = Array.from({ length: 30 }, () => syncOutcome(submit(intent())));
    expect(outcomes.filter((o) => o.kind === 'submitted')).toHaveLength(25);
    const limited = outcomes[25];
    expect(limited).toMatchObject({
      kind: 'denied', reason: { code: DenialCode.RATE_LIMITED, context: { capacity: 50, windowMs: 60_000 } },
    });
    expect(limited?.kind === 'denied' ? limited.reason.message : '').toContain('60000 ms');
    expect(previewer.calls).toBe(25);
    expect(terminal.submitted).toHaveLength(25);
    clock.advanceTo(clock.now() + 59_999);
    expect(syncOutcome(submit(intent()))).toMatchObject({ reason: { code: DenialCode.RATE_LIMITED } });
    clock.advanceTo(clock.now() + 1);
    const nextMinute = Array.from({ length: 30 }, () => syncOutcome(submit(intent())));
    expect(nextMinute.filter((o) => o.kind === 'submitted')).toHaveLength(25);
  });

  it('denies PREVIEW_REJECTED with the broker reason and never submits; the tokens stay spent', () => {
    const previewer = recordingPreviewer(() => ({ ok: false, reason: 'insufficient margin' }));
    const { submit, limiter, terminal } = buildGate(previewer);
    const outcome = syncOutcome(submit(intent()));
    expect(outcome).toMatchObject({ kind: 'denied', reason: { code: DenialCode.PREVIEW_REJECTED } });
    expect(outcome.kind === 'denied' ? outcome.reason.message : '').toContain('insufficient margin');
    expect(terminal.submitted).toHaveLength(0);
    expect(limiter.available()).toBe(48);
  });

  it('returns a Promise when the previewer is async, resolving to the outcome', async () => {
    const accept = recordingPreviewer(() => Promise.resolve(OK_PREVIEW));
    const accepted = buildGate(accept);
    const pending = accepted.submit(intent());
    expect(pending).toBeInstanceOf(Promise);
    expect(accepted.terminal.submitted).toHaveLength(0);
    await expect(pending).resolves.toEqual({ kind: 'submitted' });
    expect(accepted.terminal.submitted).toHaveLength(1);

    const reject = buildGate(recordingPreviewer(() => Promise.resolve({ ok: false, reason: 'no' } as const)));
    await expect(reject.submit(intent())).resolves.toMatchObject({ reason: { code: DenialCode.PREVIEW_REJECTED } });
    expect(reject.terminal.submitted).toHaveLength(0);
  });

  it('stays synchronous for denials before an async previewer', () => {
    const previewer = recordingPreviewer(() => Promise.resolve(OK_PREVIEW));
    const { submit } = buildGate(previewer);
    expect(isPromise(submit(intent({ qty: 0n })))).toBe(false);
    expect(previewer.calls).toBe(0);
  });

  it('composes the first stage outermost', () => {
    const order: string[] = [];
    const tag = (name: string) => (next: Submit): Submit => (i) => { order.push(name); return next(i); };
    const submit = composeGate([tag('a'), tag('b'), tag('c')], () => { order.push('terminal'); return { kind: 'submitted' }; });
    submit(intent());
    expect(order).toEqual(['a', 'b', 'c', 'terminal']);
  });

  it('passes an unknown outcome from the terminal through untouched', () => {
    const submit = composeGate([rateLimitStage(new RateLimiter(5, 1_000, () => 0), 1)], () => ({ kind: 'unknown', message: 'timeout' }));
    expect(submit(intent())).toEqual({ kind: 'unknown', message: 'timeout' });
  });
});
