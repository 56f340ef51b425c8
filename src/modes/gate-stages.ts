import { amountFromNumber, toSymbol } from '../core/index.js';
import type { RunnerConfig } from '../config/index.js';
import {
  acceptStage, reservationStage, allowedSymbolsCheck, buyingPowerCheck, calendarBlackoutCheck, checksStage, DuplicateIntentCheck,
  feedStaleCheck, marketHoursCheck, maxOpenOrdersCheck, maxOrderNotionalCheck, maxOrderQtyCheck, maxPositionCheck,
  OrderRateCheck, orderShapeCheck, previewStage, priceCollarCheck, PriorityRateLimiter, priorityRateLimitStage,
  tradingStateStage,
  type CalendarBlackouts, type DecisionSink, type FeedHealth, type GateStage, type IntentAcceptor, type OrderPreviewer,
  type RiskCheck, type RiskContext, type TradingState,
} from '../risk/index.js';
import type { Clock } from '../time/index.js';
import { probedStages, type StageProbe } from './session-probe.js';

/** The broker's Trading budget window: Aries counts requests per minute. */
const MINUTE_MS = 60_000;

/** The outside services some checks consult; a check whose port is absent is not built. */
export interface CheckPorts {
  /** Enables FEED_STALE. */
  readonly feedHealth?: FeedHealth;
  /** Enables CALENDAR_BLACKOUT (a BlackoutSchedule built from `blackoutRules(risk)`). */
  readonly blackouts?: CalendarBlackouts;
}

/** What the gate is wired to besides the config: check ports, the decision journal and the shared limiter. */
export interface GatePorts extends CheckPorts {
  /** Hears every stage's decision (the journal). */
  readonly decisions?: DecisionSink;
  /**
   * The Trading-budget limiter, shared with whatever sends cancels (they ask with priority
   * EXIT); built from the config with `tradingLimiter` when absent.
   */
  readonly limiter?: PriorityRateLimiter;
  /** Bench only: marks `gate` before the first stage and `gate-passed` after the last. */
  readonly probe?: StageProbe;
}

/**
 * Returns the local checks the risk config (and the given ports) ask for, in the order they
 * run: the static limits first, then the market and calendar guards, then the stateful
 * duplicate and order-rate checks, which only the accept stage feeds.
 */
export function riskChecks(risk: RunnerConfig['risk'], ports: CheckPorts = {}): RiskCheck[] {
  const checks: RiskCheck[] = [orderShapeCheck()];
  if (risk.allowedSymbols !== undefined) checks.push(allowedSymbolsCheck(risk.allowedSymbols.map(toSymbol)));
  if (risk.maxOrderQty !== undefined) checks.push(maxOrderQtyCheck(amountFromNumber(risk.maxOrderQty)));
  if (risk.maxOrderNotional !== undefined) checks.push(maxOrderNotionalCheck(amountFromNumber(risk.maxOrderNotional)));
  if (risk.maxPositionQty !== undefined) checks.push(maxPositionCheck(amountFromNumber(risk.maxPositionQty)));
  if (risk.buyingPowerCheck) checks.push(buyingPowerCheck());
  if (risk.marketHoursCheck) checks.push(marketHoursCheck());
  if (risk.maxOpenOrders !== undefined) checks.push(maxOpenOrdersCheck(risk.maxOpenOrders));
  if (risk.priceCollarPct !== undefined) checks.push(priceCollarCheck(risk.priceCollarPct));
  if (ports.feedHealth !== undefined) checks.push(feedStaleCheck(ports.feedHealth));
  if (ports.blackouts !== undefined) checks.push(calendarBlackoutCheck(ports.blackouts));
  if (risk.duplicateWindowMs !== undefined) checks.push(new DuplicateIntentCheck(risk.duplicateWindowMs));
  if (risk.maxOrderRate !== undefined) checks.push(new OrderRateCheck(risk.maxOrderRate.count, risk.maxOrderRate.intervalMs));
  return checks;
}

/** Returns the Trading-budget limiter the config describes, with its exit reserve. */
export function tradingLimiter(risk: RunnerConfig['risk'], clock: Clock): PriorityRateLimiter {
  return new PriorityRateLimiter(risk.tradingRatePerMinute, MINUTE_MS, () => clock.now(), risk.exitReservePct ?? 0);
}

function isAcceptor(check: RiskCheck): check is RiskCheck & IntentAcceptor {
  return 'accepted' in check && typeof check.accepted === 'function';
}

/**
 * Returns the gate's stages: local checks, the kill switch, the Trading rate limiter (one token
 * for the preview and one for the submit, as both count against Aries's budget; reducing orders
 * may use the exit reserve), then preview, then the accept stage that feeds the duplicate and
 * order-rate memories just before the order is sent.
 */
export function gateStages(
  risk: RunnerConfig['risk'], clock: Clock, state: TradingState, previewer: OrderPreviewer, ports: GatePorts = {},
): (ctx: () => RiskContext) => GateStage[] {
  return (ctx) => {
    const limiter = ports.limiter ?? tradingLimiter(risk, clock);
    const checks = riskChecks(risk, ports);
    const sink = ports.decisions;
    const acceptors = checks.filter(isAcceptor);
    const stages: GateStage[] = [
      checksStage(checks, ctx, sink),
      ...(acceptors.length > 0 ? [reservationStage(acceptors)] : []),
      tradingStateStage(state, ctx, sink),
      priorityRateLimitStage(limiter, risk.preview ? 2 : 1, ctx, sink),
    ];
    if (risk.preview) stages.push(previewStage(previewer, sink));
    if (acceptors.length > 0) stages.push(acceptStage(acceptors, ctx));
    return probedStages(stages, ports.probe);
  };
}
