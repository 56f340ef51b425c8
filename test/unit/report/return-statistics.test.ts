import { describe, expect, it } from 'vitest';
import { PERIODS_PER_YEAR, returnStatistics } from '../../../src/report/index.js';
import { relClose } from './builders.js';

describe('returnStatistics (empyrical conventions, rf = 0, 252 periods, ddof = 1)', () => {
  // r = [1/10, −1/10, 2/9] (equity 100 → 110 → 99 → 121), n = 3, growth = 121/100.
  const r = [0.1, -0.1, 121 / 99 - 1];
  const stats = returnStatistics(r, 1.21);

  it('computes total return and CAGR from the growth factor', () => {
    // totalReturn = 1.21 − 1 = 0.21; cagr = 1.21^(252/3) − 1 = 1.21^84 − 1 = 1.1^168 − 1.
    expect(relClose(stats.totalReturn, 0.21)).toBe(true);
    expect(relClose(stats.cagr, 1.1 ** 168 - 1)).toBe(true);
  });

  it('computes volatility and Sharpe from the sample standard deviation', () => {
    // mean = (1/10 − 1/10 + 2/9)/3 = 2/27.
    // deviations: 1/10 − 2/27 = 7/270, −1/10 − 2/27 = −47/270, 2/9 − 2/27 = 40/270.
    // Σd² = (49 + 2209 + 1600)/270² = 3858/72900; var = 3858/72900/2 = 1929/72900; std = √1929/270.
    const std = Math.sqrt(1929) / 270;
    expect(relClose(stats.volatility, std * Math.sqrt(252))).toBe(true);
    // sharpe = (2/27)/(√1929/270)·√252 = 20·√(252/1929) ≈ 7.2288
    expect(relClose(stats.sharpe, 20 * Math.sqrt(252 / 1929))).toBe(true);
    expect(stats.sharpe).toBeCloseTo(7.2288, 3);
  });

  it('computes Sortino with the downside mean over all returns', () => {
    // downside = √((0² + 0.1² + 0²)/3) = 0.1/√3.
    // sortino = (2/27)·252 / ((0.1/√3)·√252) = (20/27)·√756 = (20/27)·6√21 = (40/9)·√21 ≈ 20.367
    expect(relClose(stats.sortino, (40 / 9) * Math.sqrt(21))).toBe(true);
    expect(stats.sortino).toBeCloseTo(20.367, 3);
  });

  it('uses 252 periods per year', () => {
    expect(PERIODS_PER_YEAR).toBe(252);
  });

  it('returns nulls, never NaN or Infinity, for a flat series', () => {
    // r = [0, 0, 0]: std = 0 → Sharpe undefined; no negative return → Sortino undefined.
    expect(returnStatistics([0, 0, 0], 1)).toEqual({ totalReturn: 0, cagr: 0, volatility: 0, sharpe: null, sortino: null });
  });

  it('returns nulls without returns, and dispersion nulls with a single return', () => {
    expect(returnStatistics([], 1)).toEqual({ totalReturn: 0, cagr: null, volatility: null, sharpe: null, sortino: null });
    // One return of 0.05: cagr = 1.05^252 − 1, but the sample std needs two points.
    const one = returnStatistics([0.05], 1.05);
    expect(relClose(one.cagr, 1.05 ** 252 - 1)).toBe(true);
    expect([one.volatility, one.sharpe, one.sortino]).toEqual([null, null, null]);
  });

  it('returns null CAGR and total return when growth is unknown or negative', () => {
    expect(returnStatistics([0.1, -0.2], null).totalReturn).toBeNull();
    expect(returnStatistics([0.1, -0.2], null).cagr).toBeNull();
    expect(returnStatistics([0.1, -0.2], -0.5).cagr).toBeNull();
  });

  it('returns null dispersion figures when a return is not finite', () => {
    const s = returnStatistics([0.1, Number.NaN], 1.1);
    expect([s.volatility, s.sharpe, s.sortino]).toEqual([null, null, null]);
  });

  it('turns an overflowing CAGR into null', () => {
    // 1000^(252/1) overflows to Infinity.
    expect(returnStatistics([999], 1000).cagr).toBeNull();
  });
});
