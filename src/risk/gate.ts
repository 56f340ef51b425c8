import {
  deny, DenialCode, mapMaybe, PASS, type DenialReason, type MaybePromise, type OrderIntent, type RiskVerdict,
} from '../core/index.js';
import type { DecisionSink } from './decision-sink.js';
import type { OrderPreviewer } from './order-preview.js';
import type { RateLimiter } from './rate-limiter.js';
import type { RiskCheck } from './risk-check.js';
import type { RiskContext } from './risk-context.js';
import type { TradingState } from './trading-state.js';

/** What became of an intent at the end of the gate. */
export type SubmitOutcome =
  | { readonly kind: 'submitted' }
  | { readonly kind: 'denied'; readonly reason: DenialReason }
  /** The venue may or may not have the order (lost response): reconcile, never resend. */
  | { readonly kind: 'unknown'; readonly message: string };

/** Sends an intent onwards; sync in backtests, async live. */
export type Submit = (intent: OrderIntent) => MaybePromise<SubmitOutcome>;
/** One gate stage, in the undici-interceptor shape: it wraps the next stage. */
export type GateStage = (next: Submit) => Submit;

/** Returns the submit function of `stages` wrapped around `terminal`, the first stage outermost. */
export function composeGate(stages: readonly GateStage[], terminal: Submit): Submit {
  return stages.reduceRight<Submit>((next, stage) => stage(next), terminal);
}

function denied(reason: DenialReason): SubmitOutcome {
  return { kind: 'denied', reason };
}

/**
 * Returns a stage running local pre-trade checks in order; the first refusal wins. `sink` hears
 * the failing check's name with its denial, or `checks` with PASS.
 */
export function checksStage(checks: readonly RiskCheck[], context: () => RiskContext, sink?: DecisionSink): GateStage {
  return (next) => (intent) => {
    const ctx = context();
    for (const c of checks) {
      const verdict = c.check(intent, ctx);
      if (!verdict.ok) {
        sink?.(intent, c.name, verdict);
        return denied(verdict.reason);
      }
    }
    sink?.(intent, 'checks', PASS);
    return next(intent);
  };
}

/** Returns a stage that applies the kill switch; `sink` hears its verdict as `trading-state`. */
export function tradingStateStage(state: TradingState, context: () => RiskContext, sink?: DecisionSink): GateStage {
  return (next) => (intent) => {
    const verdict = state.check(intent, context());
    sink?.(intent, 'trading-state', verdict);
    return verdict.ok ? next(intent) : denied(verdict.reason);
  };
}

/**
 * Returns a stage that takes `cost` tokens from the limiter (one per broker request the rest of
 * the gate will make: preview and submit share Aries's Trading budget) or denies RATE_LIMITED;
 * `sink` hears its verdict as `rate-limit`.
 */
export function rateLimitStage(limiter: RateLimiter, cost: number, sink?: DecisionSink): GateStage {
  return (next) => (intent) => {
    const verdict: RiskVerdict = limiter.tryAcquire(cost)
      ? PASS
      : deny(DenialCode.RATE_LIMITED, `trading rate limit reached; ${limiter.waitMs(cost)} ms until capacity`, {
          capacity: limiter.capacity, windowMs: limiter.windowMs,
        });
    sink?.(intent, 'rate-limit', verdict);
    return verdict.ok ? next(intent) : denied(verdict.reason);
  };
}

/**
 * Returns a stage that asks the broker (or simulator) to preview the order and denies
 * PREVIEW_REJECTED on refusal; `sink` hears its verdict as `preview`.
 */
export function previewStage(previewer: OrderPreviewer, sink?: DecisionSink): GateStage {
  return (next) => (intent) =>
    mapMaybe(previewer.preview(intent), (preview) => {
      const verdict = preview.ok ? PASS : deny(DenialCode.PREVIEW_REJECTED, `preview rejected: ${preview.reason}`);
      sink?.(intent, 'preview', verdict);
      return verdict.ok ? next(intent) : denied(verdict.reason);
    });
}
