/**
 * The public API of aries-runner: what strategy files import as `aries-runner`.
 */
export { defineStrategy } from './strategy/index.js';
export type {
  StrategyDefinition, StrategyContext, OrderOptions, OrderRequest, StrategyPortfolio, MarketView, StrategyLog,
  DataSubscription, Params, ParamValue,
} from './strategy/index.js';
export type {
  Bar, Quote, Trade, MarketData, StrategyInput, OrderEvent, OrderAccepted, OrderFilled, OrderClosed, OrderDenied,
  AccountUpdated, CalendarEvent, TimerFired, Order, OrderIntent, OrderId, OrderSide, OrderType, OrderStatus, TimeInForce,
  Fill, DenialReason, DenialCode, Amount, EpochMs, Symbol,
} from './core/index.js';
export { amountToNumber, formatAmount, parseAmount, RunnerError } from './core/index.js';
