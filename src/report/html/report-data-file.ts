import { z } from 'zod';
import type { PriceSeries, StreamedBacktestResult } from '../report-input.js';

/** The format tag of `report-data.json`; a reader refuses any other. */
export const REPORT_DATA_FORMAT = 'aries-runner/report-data@1';

const schema = z.object({
  format: z.literal(REPORT_DATA_FORMAT),
  timeZone: z.string().min(1),
  prices: z.array(z.object({
    symbol: z.string(),
    candles: z.array(z.tuple([z.number(), z.number(), z.number(), z.number(), z.number()])),
  })),
});

/** The contents of `report-data.json`: what the HTML page needs that report.json and the CSVs lack. */
export type ReportDataFile = z.infer<typeof schema>;

/**
 * Returns the text of `report-data.json` for `result`: the format tag, the run's time zone and
 * the downsampled candles per symbol as `[ts, open, high, low, close]` rows (ts in epoch ms of the
 * first bar's open), one candle per line. Numbers keep full float precision; final newline.
 */
export function reportDataJson(result: StreamedBacktestResult): string {
  const file: ReportDataFile = {
    format: REPORT_DATA_FORMAT,
    timeZone: result.timeZone,
    prices: (result.prices ?? []).map((p) => ({
      symbol: p.symbol,
      candles: p.candles.map((c): [number, number, number, number, number] => [c.ts, c.open, c.high, c.low, c.close]),
    })),
  };
  // One candle per line keeps the file small yet diffable; two-space indentation would put every number on its own line.
  const series = file.prices.map((p) => `    {"symbol":${JSON.stringify(p.symbol)},"candles":[${p.candles.map((c) => `\n      ${JSON.stringify(c)}`).join(',')}\n    ]}`);
  return `{\n  "format":${JSON.stringify(file.format)},\n  "timeZone":${JSON.stringify(file.timeZone)},\n  "prices":[\n${series.join(',\n')}\n  ]\n}\n`;
}

/** Returns the parsed `report-data.json`, or a message naming the first bad field. */
export function parseReportData(value: unknown): { ok: true; timeZone: string; prices: PriceSeries[] } | { ok: false; message: string } {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, message: `${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}` };
  }
  const prices = parsed.data.prices.map((p) => ({
    symbol: p.symbol,
    candles: p.candles.map(([ts, open, high, low, close]) => ({ ts, open, high, low, close })),
  }));
  return { ok: true, timeZone: parsed.data.timeZone, prices };
}
