import { amountToNumber, formatAmount } from '../core/index.js';
import type { BacktestReport } from './backtest-report.js';
import { dailyEquity } from './daily-equity.js';
import { EquityLog, walkEquity } from './equity-log.js';
import { returnsBetweenDays } from './daily-returns.js';
import { isoDateIn } from './iso-time.js';
import { maxDrawdown } from './max-drawdown.js';
import { orderListHash } from './order-list-hash.js';
import type { BacktestResult, EquitySeries, StreamedBacktestResult } from './report-input.js';
import { returnStatistics } from './return-statistics.js';
import { roundSignificant as round } from './round-significant.js';
import { tradeStatistics } from './trade-statistics.js';

/**
 * Returns the {@link BacktestReport} of a finished backtest. Daily figures come from the equity
 * curve grouped by calendar day in `result.timeZone`, with the starting cash (dated `from`) as
 * the point before the first day — the first return and any first-day drawdown count.
 * Growth for totalReturn and cagr is `finalEquity / startingCash`. Pure and deterministic:
 * equal results give deep-equal reports with equal key order (params keys are sorted).
 */
export function buildReport(result: StreamedBacktestResult): BacktestReport {
  const start = amountToNumber(result.startingCash);
  const days = dailyEquity(result.equity, result.timeZone);
  const series = [{ date: isoDateIn(result.from, result.timeZone), equity: start }, ...days];
  const returns = returnsBetweenDays(days, start);
  const growth = start > 0 ? amountToNumber(result.finalEquity) / start : null;
  const stats = returnStatistics(returns, growth);
  const drawdown = maxDrawdown(series);
  const trades = tradeStatistics(result.trades);
  const calmar = stats.cagr !== null && drawdown !== null ? stats.cagr / Math.abs(drawdown.maxDrawdown) : null;
  return {
    strategy: result.strategy,
    params: sortedParams(result.params),
    symbols: [...result.symbols],
    from: isoDateIn(result.from, result.timeZone),
    to: isoDateIn(result.to, result.timeZone),
    bars: result.bars,
    startingCash: formatAmount(result.startingCash, 2),
    finalEquity: formatAmount(result.finalEquity, 2),
    totalReturn: round(stats.totalReturn),
    cagr: round(stats.cagr),
    volatility: round(stats.volatility),
    sharpe: round(stats.sharpe),
    sortino: round(stats.sortino),
    maxDrawdown: round(drawdown?.maxDrawdown ?? null),
    maxDrawdownStart: drawdown?.start ?? null,
    maxDrawdownEnd: drawdown?.end ?? null,
    calmar: round(calmar),
    trades: trades.trades,
    winRate: round(trades.winRate),
    profitFactor: round(trades.profitFactor),
    exposure: round(exposure(result.equity)),
    orders: result.orders.length,
    fills: result.fills,
    commission: formatAmount(result.commission, 2),
    orderListHash: result.orderListHash ?? orderListHash(result.orders),
    seed: result.seed,
  };
}

function exposure(points: EquitySeries): number | null {
  if (points instanceof EquityLog) return points.length === 0 ? null : points.exposedPoints / points.length;
  let all = 0;
  let exposed = 0;
  walkEquity(points, (_ts, _equity, isExposed) => {
    all += 1;
    if (isExposed) exposed += 1;
  });
  return all === 0 ? null : exposed / all;
}

function sortedParams(params: BacktestResult['params']): Record<string, string | number | boolean> {
  // fromEntries defines own properties, so a key such as "__proto__" stays plain data.
  return Object.fromEntries(Object.entries(params).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
