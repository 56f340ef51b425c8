import { describe, expect, it } from 'vitest';
import { buildReport, formatSummary } from '../../../src/report/index.js';
import { amt, goldenResult } from './builders.js';

describe('formatSummary', () => {
  const text = formatSummary(buildReport(goldenResult()));
  const lines = text.trimEnd().split('\n');

  it('aligns values in a second column', () => {
    const starts = lines.map((line) => /^\S+(?: \S+)*\s{2,}/.exec(line)?.[0].length);
    expect(new Set(starts).size).toBe(1);
    expect(text.endsWith('\n')).toBe(true);
  });

  it('shows fractions as percentages with 2 decimals and ratios with 2 decimals', () => {
    expect(text).toMatch(/^Total return\s+21\.00%$/m);
    expect(text).toMatch(/^Max drawdown\s+-10\.00% \(2024-01-02 → 2024-01-03\)$/m);
    expect(text).toMatch(/^Win rate\s+66\.67%$/m);
    expect(text).toMatch(/^Sharpe\s+7\.23$/m);
    expect(text).toMatch(/^Profit factor\s+4\.00$/m);
    expect(text).toMatch(/^Final equity\s+121\.00$/m);
  });

  it('shows undefined figures as n/a', () => {
    const flat = buildReport({ ...goldenResult(), finalEquity: amt('100'), trades: [],
      equity: goldenResult().equity.map((p) => ({ ...p, equity: 100 })) });
    const summary = formatSummary(flat);
    expect(summary).toMatch(/^Sharpe\s+n\/a$/m);
    expect(summary).toMatch(/^Max drawdown\s+n\/a$/m);
    expect(summary).toMatch(/^Win rate\s+n\/a$/m);
  });
});
