import { describe, expect, it } from 'vitest';
import {
  buildReport, escapeHtml, jsonForScript, pageInputFromResult, renderReportHtml,
} from '../../../../src/report/index.js';
import { INJECTION, resultWithPrices } from './html-builders.js';

function page(text: string): string {
  const result = resultWithPrices(text);
  return renderReportHtml(pageInputFromResult(result, buildReport(result)));
}

/** Returns the page with the embedded chart JSON and the chart library cut out. */
function markupOnly(html: string): string {
  return html.replace(/<script[^>]*>[\s\S]*?<\/script>/g, '<script></script>');
}

describe('escapeHtml', () => {
  it('replaces the five HTML-special characters and nothing else', () => {
    expect(escapeHtml(`a&b<c>d"e'f é`)).toBe('a&amp;b&lt;c&gt;d&quot;e&#39;f é');
    expect(escapeHtml(INJECTION)).toBe('&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;');
  });
});

describe('jsonForScript', () => {
  it('never contains < > & or line separators, and parses back to the same value', () => {
    const value = { name: INJECTION, note: '<!-- a && b -->\u2028\u2029' };
    const text = jsonForScript(value);
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(text)).toEqual(value);
  });
});

describe('renderReportHtml with an injection string as strategy, parameter and symbol', () => {
  const html = page(INJECTION);

  it('has exactly the page\'s own three script elements (no tag opened by user text)', () => {
    expect(html.match(/<script\b/g)).toHaveLength(3);
    expect(html.match(/<\/script>/g)).toHaveLength(3);
    expect(html).not.toContain('<img');
    expect(html).not.toContain('src=x onerror=alert(1)>');
  });

  it('shows the string escaped in the title, heading, statistics, parameters, symbol heading and trades', () => {
    const escaped = escapeHtml(INJECTION);
    const markup = markupOnly(html);
    expect(markup).toContain(`<title>Backtest report: ${escaped}</title>`);
    expect(markup).toContain(`<span id="strategy-name">${escaped}</span>`);
    expect(markup).toContain(`<th scope="row">${escaped}</th><td>${escaped}</td>`);
    expect(markup).toContain(`<h3>${escaped}</h3>`);
    expect(markup).toContain(`<td>${escaped}</td>`);
    expect(markup).toContain(`data-value="${escapeHtml(JSON.stringify(INJECTION))}"`);
  });

  it('keeps the strict CSP meta tag', () => {
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'">`,
    );
  });

  it('embeds the chart data as script-safe JSON that still holds the symbol', () => {
    const json = /<script type="application\/json" id="chart-data">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
    expect(json).not.toContain('<');
    const data = JSON.parse(json) as { prices: { symbol: string }[] };
    expect(data.prices[0]?.symbol).toBe(INJECTION);
  });

  it('inlines lightweight-charts with its licence banner and shows the TradingView attribution', () => {
    expect(html).toContain('TradingView Lightweight Charts™ v5.2.1');
    expect(html).toContain('window.LightweightCharts=');
    expect(html).toMatch(/<p id="attribution">[^]*href="https:\/\/www\.tradingview\.com\/"/);
  });
});
