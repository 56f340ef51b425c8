import {
  DenialCode, mapMaybe, type DenialReason, type MaybePromise, type OrderIntent,
} from '../core/index.js';
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

/** Returns a stage running local pre-trade checks in order; the first refusal wins. */
export function checksStage(checks: readonly RiskCheck[], context: () => RiskContext): GateStage {
  return (next) => (intent) => {
    const ctx = context();
    for (const c of checks) {
      const verdict = c.check(intent, ctx);
      if (!verdict.ok) return denied(verdict.reason);
    }
    return next(intent);
  };
}

/** Returns a stage that applies the kill switch. */
export function tradingStateStage(state: TradingState, context: () => RiskContext): GateStage {
  return (next) => (intent) => {
    const verdict = state.check(intent, context());
    return verdict.ok ? next(intent) : denied(verdict.reason);
  };
}

/**
 * Returns a stage that takes `cost` tokens from the limiter (one per broker request the rest of
 * the gate will make: preview and submit share Aries's Trading budget) or denies RATE_LIMITED.
 */
export function rateLimitStage(limiter: RateLimiter, cost: number): GateStage {
  return (next) => (intent) => {
    if (limiter.tryAcquire(cost)) return next(intent);
    return denied({
      code: DenialCode.RATE_LIMITED,
      message: `trading rate limit reached; ${limiter.waitMs(cost)} ms until capacity`,
      context: { capacity: limiter.capacity, windowMs: limiter.windowMs },
    });
  };
}

/** Returns a stage that asks the broker (or simulator) to preview the order and denies PREVIEW_REJECTED on refusal. */
export function previewStage(previewer: OrderPreviewer): GateStage {
  return (next) => (intent) =>
    mapMaybe(previewer.preview(intent), (preview) =>
      preview.ok ? next(intent) : denied({ code: DenialCode.PREVIEW_REJECTED, message: `preview rejected: ${preview.reason}` }),
    );
}
