import type { OrderIntent, RiskVerdict } from '../core/index.js';

/**
 * Receives every gate decision with the stage that made it (the journal implements it). Stages
 * call it once per intent they decide on: `checks` with PASS when every local check passed, or
 * the failing check's name with its denial; `trading-state`, `rate-limit` and `preview` with
 * their verdicts. It must not throw: a journaling failure is the journal's to report.
 */
export type DecisionSink = (intent: OrderIntent, stage: string, verdict: RiskVerdict) => void;
