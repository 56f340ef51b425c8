import { existsSync } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBacktest } from '../../src/modes/index.js';
import { writeReportFiles } from '../../src/report/index.js';
import { loadStrategy } from '../../src/strategy/index.js';
import { yhooSettings } from '../support/backtest-settings.js';

/** Debian's Chromium; `.ci/run` installs it with apt-get. */
const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--headless'];
const INJECTION = '</script><img src=x onerror=alert(1)>';
const OUT = path.resolve('test-output/browser');
const HAVE_CHROMIUM = existsSync(CHROMIUM);

if (!HAVE_CHROMIUM) process.stderr.write(`test/browser/report.test.ts: SKIPPED — ${CHROMIUM} is not installed (apt-get install -y chromium)\n`);

interface PageLog {
  readonly consoleErrors: string[];
  readonly pageErrors: string[];
  readonly requests: string[];
  readonly dialogs: string[];
}

/** The few browser objects the page functions touch (the test project has no DOM typings). */
interface CanvasLike {
  readonly width: number;
  readonly height: number;
  getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { readonly data: Uint8ClampedArray } } | null;
}
interface BrowserGlobals {
  alert: (message?: string) => void;
  __xss?: boolean;
  __reportReady?: boolean;
  readonly document: {
    querySelectorAll(selector: string): ArrayLike<{ readonly id: string; querySelectorAll(selector: string): ArrayLike<CanvasLike> }>;
  };
}

interface ChartPixels {
  readonly id: string;
  readonly canvases: number;
  /** Opaque pixels, over all the chart's canvases, close to the chart's series colour. */
  readonly matching: number;
}

describe.skipIf(!HAVE_CHROMIUM)(`report.html of the sample backtest in Chromium (needs ${CHROMIUM})`, () => {
  let browser: Browser | undefined;
  let page: Page;
  const log: PageLog = { consoleErrors: [], pageErrors: [], requests: [], dialogs: [] };
  let report: Record<string, unknown> = {};

  beforeAll(async () => {
    // The sample backtest (sma-cross on YHOO), with the probe as strategy name and as a parameter.
    const sample = await loadStrategy('strategies/sma-cross.ts', { typecheck: false });
    const strategy = { ...sample, name: INJECTION, params: { ...sample.params, [INJECTION]: INJECTION } };
    const { result } = await runBacktest(yhooSettings({ strategy }));
    const dir = path.join(OUT, 'report');
    await rm(dir, { recursive: true, force: true });
    await mkdir(OUT, { recursive: true });
    const { htmlPath, reportPath } = await writeReportFiles(dir, result);
    report = JSON.parse(await readFile(reportPath, 'utf8')) as Record<string, unknown>;

    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    // Runs before the page's scripts: if the probe ever executed, alert would leave a flag.
    await page.addInitScript(() => {
      const w = globalThis as unknown as BrowserGlobals;
      w.alert = () => {
        w.__xss = true;
      };
    });
    page.on('console', (m) => {
      if (m.type() === 'error') log.consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => log.pageErrors.push(e.message));
    page.on('request', (r) => log.requests.push(r.url()));
    page.on('dialog', (d) => {
      log.dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(pathToFileURL(htmlPath).href, { waitUntil: 'load' });
    await page.waitForFunction(() => (globalThis as unknown as BrowserGlobals).__reportReady === true, undefined, { timeout: 15_000 });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('loads with no console errors, no page errors and no request other than file:', () => {
    expect(log.pageErrors).toEqual([]);
    expect(log.consoleErrors).toEqual([]);
    expect(log.requests.length).toBeGreaterThan(0);
    expect(log.requests.filter((url) => !url.startsWith('file:'))).toEqual([]);
  });

  it('draws every chart: equity, drawdown and the candles, each canvas set showing its series colour', async () => {
    // Series colours from the page script: strategy line, drawdown line, up candles.
    const colours: Record<string, readonly [number, number, number]> = {
      'chart-equity': [0x09, 0x69, 0xda], 'chart-drawdown': [0xcf, 0x22, 0x2e], 'chart-price-0': [0x1a, 0x7f, 0x37],
    };
    const charts = await page.evaluate((want): ChartPixels[] => Array.from((globalThis as unknown as BrowserGlobals).document.querySelectorAll('.chart'), (el) => {
      const canvases = Array.from(el.querySelectorAll('canvas'));
      const [r, g, b] = want[el.id] ?? [-1, -1, -1];
      let matching = 0;
      for (const canvas of canvases) {
        const ctx = canvas.getContext('2d');
        if (ctx === null || canvas.width === 0 || canvas.height === 0) continue;
        const px = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
        for (let i = 0; i < px.length; i += 4) {
          const near = Math.abs((px[i] ?? 0) - r) + Math.abs((px[i + 1] ?? 0) - g) + Math.abs((px[i + 2] ?? 0) - b) < 24;
          if (near && (px[i + 3] ?? 0) > 200) matching += 1;
        }
      }
      return { id: el.id, canvases: canvases.length, matching };
    }), colours);
    expect(charts.map((c) => c.id)).toEqual(['chart-equity', 'chart-drawdown', 'chart-price-0']);
    for (const chart of charts) {
      expect(chart.canvases, chart.id).toBeGreaterThan(0);
      expect(chart.matching, chart.id).toBeGreaterThan(200);
    }
  });

  it('shows a statistics table equal to report.json', async () => {
    const rows = await page.$$eval('#stats tr', (trs) => trs.map((tr) => [tr.getAttribute('data-key') ?? '', tr.getAttribute('data-value') ?? '']));
    const shown = Object.fromEntries(rows.map(([key, value]) => [key, JSON.parse(value ?? 'null') as unknown]));
    const { params, ...expected } = report;
    expect(shown).toEqual(expected);
    const paramRows = await page.$$eval('#params tr', (trs) => trs.map((tr) => [tr.querySelector('th')?.textContent ?? '', tr.querySelector('td')?.textContent ?? '']));
    expect(Object.fromEntries(paramRows)).toEqual(Object.fromEntries(Object.entries(params as object).map(([k, v]) => [k, String(v)])));
  });

  it('shows the injection string as text and never runs it', async () => {
    expect(await page.textContent('#strategy-name')).toBe(INJECTION);
    expect(await page.title()).toBe(`Backtest report: ${INJECTION}`);
    expect(await page.$$eval('#params th', (ths) => ths.map((th) => th.textContent))).toContain(INJECTION);
    expect(await page.$$eval('img', (imgs) => imgs.length)).toBe(0);
    expect(await page.evaluate(() => (globalThis as unknown as BrowserGlobals).__xss)).toBeUndefined();
    expect(log.dialogs).toEqual([]);
  });

  it('renders the monthly table, the trades list and the order-list hash', async () => {
    expect(await page.$$eval('#monthly tbody tr', (trs) => trs.length)).toBe(2014 - 1996 + 1);
    expect(await page.$$eval('#trades tbody tr', (trs) => trs.length)).toBe(report['trades']);
    expect(await page.textContent('#order-list-hash')).toBe(report['orderListHash']);
  });

  it('saves a full-page screenshot for the reviewer', async () => {
    const file = path.join(OUT, 'report.png');
    await page.screenshot({ path: file, fullPage: true });
    expect((await readFile(file)).subarray(1, 4).toString('latin1')).toBe('PNG');
  });
});
