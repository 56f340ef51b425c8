import { amountFromNumber, toSymbol } from '../core/index.js';
import type { RunnerConfig } from '../config/index.js';
import {
  allowedSymbolsCheck, buyingPowerCheck, checksStage, marketHoursCheck, maxOrderNotionalCheck, maxOrderQtyCheck,
  maxPositionCheck, orderShapeCheck, previewStage, rateLimitStage, RateLimiter, tradingStateStage,
  type GateStage, type OrderPreviewer, type RiskCheck, type RiskContext, type TradingState,
} from '../risk/index.js';
import type { Clock } from '../time/index.js';

/** The broker's Trading budget window: Aries counts requests per minute. */
const MINUTE_MS = 60_000;

/** Returns the local checks the risk config asks for, in the order they run. */
export function riskChecks(risk: RunnerConfig['risk']): RiskCheck[] {
  const checks: RiskCheck[] = [orderShapeCheck()];
  if (risk.allowedSymbols !== undefined) checks.push(allowedSymbolsCheck(risk.allowedSymbols.map(toSymbol)));
  if (risk.maxOrderQty !== undefined) checks.push(maxOrderQtyCheck(amountFromNumber(risk.maxOrderQty)));
  if (risk.maxOrderNotional !== undefined) checks.push(maxOrderNotionalCheck(amountFromNumber(risk.maxOrderNotional)));
  if (risk.maxPositionQty !== undefined) checks.push(maxPositionCheck(amountFromNumber(risk.maxPositionQty)));
  if (risk.buyingPowerCheck) checks.push(buyingPowerCheck());
  if (risk.marketHoursCheck) checks.push(marketHoursCheck());
  return checks;
}

/**
 * Returns the gate's stages: local checks, the kill switch, the Trading rate limiter (one token
 * for the preview and one for the submit, as both count against Aries's budget), then preview.
 */
export function gateStages(
  risk: RunnerConfig['risk'], clock: Clock, state: TradingState, previewer: OrderPreviewer,
): (ctx: () => RiskContext) => GateStage[] {
  return (ctx) => {
    const limiter = new RateLimiter(risk.tradingRatePerMinute, MINUTE_MS, () => clock.now());
    const stages: GateStage[] = [
      checksStage(riskChecks(risk), ctx),
      tradingStateStage(state, ctx),
      rateLimitStage(limiter, risk.preview ? 2 : 1),
    ];
    if (risk.preview) stages.push(previewStage(previewer));
    return stages;
  };
}
