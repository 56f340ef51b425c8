import { deny, DenialCode, mapMaybe, PASS, type RiskVerdict } from '../core/index.js';
import type { DecisionSink } from './decision-sink.js';
import type { GateStage } from './gate.js';
import type { IntentAcceptor } from './intent-acceptor.js';
import { isReducing } from './order-math.js';
import { PriorityRateLimiter, RequestPriority } from './priority-rate-limiter.js';
import type { RiskContext } from './risk-context.js';

/**
 * Returns the rate-limit stage for a limiter with an exit reserve: reducing orders ask as EXIT
 * and may spend the reserve, everything else asks as ENTRY. Denies RATE_LIMITED; `sink` hears
 * its verdict as `rate-limit`.
 */
export function priorityRateLimitStage(
  limiter: PriorityRateLimiter, cost: number, context: () => RiskContext, sink?: DecisionSink,
): GateStage {
  return (next) => (intent) => {
    const priority = isReducing(intent, context()) ? RequestPriority.EXIT : RequestPriority.ENTRY;
    const verdict: RiskVerdict = limiter.tryAcquire(cost, priority)
      ? PASS
      : deny(DenialCode.RATE_LIMITED, `trading rate limit reached for ${priority} orders; ${limiter.waitMs(cost, priority)} ms until capacity`, {
          capacity: limiter.capacity, windowMs: limiter.windowMs, reserve: limiter.reserve, priority,
        });
    sink?.(intent, 'rate-limit', verdict);
    return verdict.ok ? next(intent) : { kind: 'denied', reason: verdict.reason };
  };
}

/**
 * Returns the innermost stage: it tells each acceptor that the intent passed the whole gate,
 * before it is sent (so an unknown send outcome still counts as sent, as it may be at the venue).
 */
export function acceptStage(acceptors: readonly IntentAcceptor[], context: () => RiskContext): GateStage {
  return (next) => (intent) => {
    const now = context().now;
    for (const a of acceptors) a.accepted(intent, now);
    return next(intent);
  };
}

/**
 * Returns the stage right after the local checks: it reserves the intent in every acceptor
 * (rate and duplicate memories) while the rest of the gate decides, and releases it when the
 * outcome is known, so several intents awaiting an async preview cannot all pass one limit.
 */
export function reservationStage(acceptors: readonly IntentAcceptor[]): GateStage {
  return (next) => (intent) => {
    for (const a of acceptors) a.reserve?.(intent);
    const release = (): void => {
      for (const a of acceptors) a.release?.(intent);
    };
    let outcome;
    try {
      outcome = next(intent);
    } catch (error) {
      release();
      throw error;
    }
    return mapMaybe(outcome, (o) => {
      release();
      return o;
    });
  };
}
