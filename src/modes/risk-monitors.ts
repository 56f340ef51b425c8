import { amountFromNumber } from '../core/index.js';
import type { RunnerConfig } from '../config/index.js';
import {
  LossAction, LossMonitor, QuoteFreshness, type BlackoutRules, type LossMonitorSnapshot, type TradingState,
} from '../risk/index.js';
import type { TradingCalendar } from '../time/index.js';

/**
 * Returns the loss monitor the config asks for (daily loss limit and/or max drawdown), acting on
 * `state`, or `undefined` when neither limit is configured. Feed it the ledger's equity after
 * every mark and fill; `initial` carries its session start and peak across a restart.
 */
export function lossMonitor(
  risk: RunnerConfig['risk'], state: TradingState, calendar: TradingCalendar, initial?: LossMonitorSnapshot,
): LossMonitor | undefined {
  if (risk.dailyLossLimit === undefined && risk.maxDrawdownPct === undefined) return undefined;
  const limits = {
    action: risk.lossAction === 'reduce' ? LossAction.REDUCE : LossAction.HALT,
    ...(risk.dailyLossLimit === undefined ? {} : { dailyLossLimit: amountFromNumber(risk.dailyLossLimit) }),
    ...(risk.maxDrawdownPct === undefined ? {} : { maxDrawdownPct: risk.maxDrawdownPct }),
  };
  return new LossMonitor(limits, state, calendar, initial);
}

/** Returns the blackout rules for a BlackoutSchedule, or `undefined` when `risk.blackouts` is absent. */
export function blackoutRules(risk: RunnerConfig['risk']): BlackoutRules | undefined {
  const b = risk.blackouts;
  if (b === undefined) return undefined;
  return { ...(b.economic === undefined ? {} : { economic: b.economic }), ...(b.earnings === undefined ? {} : { earnings: b.earnings }) };
}

/** Returns a quote-time FeedHealth when `risk.staleFeedMs` is set (feed it every quote), else `undefined`. */
export function quoteFreshness(risk: RunnerConfig['risk'], calendar: TradingCalendar): QuoteFreshness | undefined {
  return risk.staleFeedMs === undefined ? undefined : new QuoteFreshness(risk.staleFeedMs, calendar);
}
