import { mean, sampleStandardDeviation } from 'simple-statistics';

/** Periods per year for daily returns (empyrical's `APPROX_BDAYS_PER_YEAR`). */
export const PERIODS_PER_YEAR = 252;

/** Risk and return figures of a daily return series, with a risk-free rate of zero. */
export interface ReturnStatistics {
  readonly totalReturn: number | null;
  readonly cagr: number | null;
  readonly volatility: number | null;
  readonly sharpe: number | null;
  readonly sortino: number | null;
}

/**
 * Returns the empyrical-style statistics of `returns` (daily simple returns) given the growth
 * factor `finalEquity / startingCash` (`null` when the start is not positive):
 * totalReturn = growth − 1; cagr = growth^(252/n) − 1 (empyrical `annual_return`);
 * volatility = std·√252; sharpe = mean/std·√252; sortino = mean·252 / (√mean(min(r,0)²)·√252),
 * the downside mean taken over all returns. std is the sample deviation (ddof = 1), so the
 * dispersion figures need two returns, as in empyrical. Undefined figures are `null`, never
 * NaN or Infinity; nothing is rounded here.
 */
export function returnStatistics(returns: readonly number[], growth: number | null): ReturnStatistics {
  const n = returns.length;
  const usable = n > 0 && returns.every(Number.isFinite);
  const totalReturn = growth === null ? null : finite(growth - 1);
  const cagr = growth === null || growth < 0 || n === 0 ? null : finite(growth ** (PERIODS_PER_YEAR / n) - 1);
  if (!usable || n < 2) return { totalReturn, cagr, volatility: null, sharpe: null, sortino: null };
  const average = mean([...returns]);
  const std = sampleStandardDeviation([...returns]);
  const downside = Math.sqrt(mean(returns.map((r) => Math.min(r, 0) ** 2)));
  const root = Math.sqrt(PERIODS_PER_YEAR);
  return {
    totalReturn,
    cagr,
    volatility: finite(std * root),
    sharpe: std > 0 ? finite((average / std) * root) : null,
    sortino: downside > 0 ? finite((average * PERIODS_PER_YEAR) / (downside * root)) : null,
  };
}

function finite(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}
