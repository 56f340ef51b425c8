import { describe, expect, it } from 'vitest';
import { buildReport, formatSummary, pageInputFromResult, renderReportHtml, STAT_ROWS } from '../../../../src/report/index.js';
import { resultWithPrices } from './html-builders.js';

/** Returns the console summary as label → value. */
function summaryValues(text: string): Map<string, string> {
  return new Map(text.trimEnd().split('\n').map((line) => {
    const match = /^(.+?)\s{2,}(.*)$/.exec(line);
    return [match?.[1] ?? '', match?.[2] ?? ''];
  }));
}

describe('the statistics table', () => {
  const result = resultWithPrices();
  const report = buildReport(result);
  const html = renderReportHtml(pageInputFromResult(result, report));
  const rows = [...html.matchAll(/<tr data-key="(\w+)" data-value="([^"]*)"><th scope="row">([^<]*)<\/th><td>([^<]*)<\/td><\/tr>/g)];

  it('has one row per report.json key except params, whose data-value is the exact JSON value', () => {
    const keys = Object.keys(report).filter((k) => k !== 'params');
    expect(rows.map((r) => r[1]).sort()).toEqual([...keys].sort());
    expect(STAT_ROWS.map(([key]) => key).sort()).toEqual([...keys].sort());
    for (const [, key, value] of rows) {
      const decoded = (value ?? '').replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
      expect(JSON.parse(decoded)).toEqual(report[key as keyof typeof report]);
    }
  });

  it('shows each figure exactly as the console summary does for the labels they share', () => {
    const summary = summaryValues(formatSummary(report));
    let shared = 0;
    for (const [, , , label, shown] of rows) {
      const expected = summary.get(label ?? '');
      if (expected === undefined) continue;
      shared += 1;
      // The console appends the drawdown's dates to its figure; the page has them in rows of their own.
      const figure = label === 'Max drawdown' ? expected.replace(/ \(.*\)$/, '') : expected;
      expect(`${label}: ${shown}`).toBe(`${label}: ${figure}`);
    }
    expect(shared).toBeGreaterThanOrEqual(15);
  });
});
