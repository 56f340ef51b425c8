/** Composition roots: the only place that picks implementations for each mode. */
export { runBacktest } from './backtest.js';
export type { BacktestSettings, BacktestOutcome } from './backtest.js';
export { gateStages, riskChecks, tradingLimiter } from './gate-stages.js';
export type { CheckPorts, GatePorts } from './gate-stages.js';
export { lossMonitor, blackoutRules, quoteFreshness } from './risk-monitors.js';
export { feeModelFor } from '../venue/index.js';
export { runTradingSession } from './trading-session.js';
export type { TradingSessionSettings, TradingSessionSummary } from './trading-session.js';
export { openAriesConnection } from './aries-connection.js';
export type { AriesConnection, AriesConnectionSettings } from './aries-connection.js';
export { startEmbeddedSimulator } from './embedded-simulator.js';
export type { EmbeddedSimulator, EmbeddedSimulatorOptions } from './embedded-simulator.js';
export { liveMarketInputs } from './live-market-inputs.js';
export type { LiveBarSpec, LiveMarketInputs } from './live-market-inputs.js';
export { JournaledAdapter, journalTradingStateStore } from './journaled-adapter.js';
