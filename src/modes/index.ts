/** Composition roots: the only place that picks implementations for each mode. */
export { runBacktest } from './backtest.js';
export type { BacktestSettings, BacktestOutcome } from './backtest.js';
export { gateStages, riskChecks, tradingLimiter } from './gate-stages.js';
export type { CheckPorts, GatePorts } from './gate-stages.js';
export { lossMonitor, blackoutRules, quoteFreshness } from './risk-monitors.js';
export { feeModelFor } from './fee-from-spec.js';
