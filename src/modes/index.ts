/** Composition roots: the only place that picks implementations for each mode. */
export { runBacktest } from './backtest.js';
export type { BacktestSettings, BacktestOutcome } from './backtest.js';
export { gateStages, riskChecks } from './gate-stages.js';
export { feeModelFor } from './fee-from-spec.js';
