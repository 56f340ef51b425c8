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
