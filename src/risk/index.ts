/** Risk: pre-trade checks, the kill switch, the rate limiter and the composed gate. */
export type { RiskContext } from './risk-context.js';
export type { RiskCheck } from './risk-check.js';
export { orderShapeCheck, maxOrderQtyCheck, maxOrderNotionalCheck, maxPositionCheck, allowedSymbolsCheck } from './limit-checks.js';
export { buyingPowerCheck, buyingPower, marketHoursCheck } from './account-checks.js';
export { referencePrice, signedQty, isReducing, projectedPosition } from './order-math.js';
export { TradingState, TradingStatus } from './trading-state.js';
export { RateLimiter } from './rate-limiter.js';
export type { OrderPreview, OrderPreviewer } from './order-preview.js';
export { composeGate, checksStage, tradingStateStage, rateLimitStage, previewStage } from './gate.js';
export type { Submit, SubmitOutcome, GateStage } from './gate.js';
export type { TradingStatePersistence } from './trading-state.js';
export type { TradingStateRecord, TradingStateStore } from './trading-state-store.js';
export { LossMonitor, LossAction } from './loss-monitor.js';
export type { LossLimits, LossBreach, LossMonitorSnapshot } from './loss-monitor.js';
export type { DecisionSink } from './decision-sink.js';
export type { FeedHealth } from './feed-health.js';
export { QuoteFreshness } from './quote-freshness.js';
export type { BlackoutWindow, CalendarBlackouts } from './calendar-blackouts.js';
export { BlackoutSchedule } from './blackout-schedule.js';
export type {
  BlackoutRules, EconomicBlackoutRule, EarningsBlackoutRule, EconomicRelease, EarningsDate,
} from './blackout-schedule.js';
export { maxOpenOrdersCheck, priceCollarCheck } from './order-flow-checks.js';
export { feedStaleCheck, calendarBlackoutCheck } from './entry-guard-checks.js';
export type { IntentAcceptor } from './intent-acceptor.js';
export { DuplicateIntentCheck } from './duplicate-intent-check.js';
export { OrderRateCheck } from './order-rate-check.js';
export { PriorityRateLimiter, RequestPriority } from './priority-rate-limiter.js';
export { priorityRateLimitStage, acceptStage, reservationStage } from './priority-gate-stages.js';
