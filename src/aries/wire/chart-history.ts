import { z } from 'zod';
import { RunnerError, toSymbol } from '../../core/index.js';
import type { Bar, EpochMs } from '../../core/index.js';
import { marketNumber } from './decimal.js';

const okBody = z
  .object({
    s: z.literal('ok'),
    t: z.array(z.number().int()),
    o: z.array(marketNumber),
    h: z.array(marketNumber),
    l: z.array(marketNumber),
    c: z.array(marketNumber),
    v: z.array(marketNumber.nonnegative()).optional(),
    nextTime: z.number().int().optional(),
    nextTo: z.string().optional(),
  })
  .refine((b) => [b.o, b.h, b.l, b.c, b.v ?? b.t].every((a) => a.length === b.t.length), 'UDF arrays differ in length')
  .refine((b) => b.t.every((t, i) => i === 0 || t > (b.t[i - 1] ?? t)), 'bar times are not increasing');

/**
 * `GET /v1/chart/history` in TradingView UDF form (aries-api.md §6.2, SDK `ChartBars`). Always
 * HTTP 200; `s` tells `ok` (parallel arrays, `t` in Unix seconds), `no_data` or `error`.
 */
export const chartHistorySchema = z.discriminatedUnion('s', [
  okBody,
  z.object({ s: z.literal('no_data'), nextTime: z.number().int().optional(), errmsg: z.string().optional() }),
  z.object({ s: z.literal('error'), errmsg: z.string().default('') }),
]);

/** A parsed chart-history body. */
export type ChartHistory = z.output<typeof chartHistorySchema>;

const MINUTE = 60_000;
const DAY = 86_400_000;

function addUtcMonths(ts: EpochMs, months: number): EpochMs {
  const d = new Date(ts);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes());
}

/**
 * Returns when a bar that opened at `ts` closes, for a UDF resolution: minutes (`"5"`), seconds
 * (`"30S"`), days, weeks or calendar months (`"D"`, `"1W"`, `"3M"`). Throws
 * `ARIES_ERR_RESOLUTION` for anything else (tick resolutions like `"1T"` have no fixed length).
 */
export function barEnd(ts: EpochMs, resolution: string): EpochMs {
  const m = /^(\d*)([SDWM]?)$/i.exec(resolution.trim());
  const count = m?.[1] === '' ? 1 : Number(m?.[1]);
  if (m === null || !Number.isInteger(count) || count <= 0) {
    throw new RunnerError('ARIES_ERR_RESOLUTION', `unsupported chart resolution "${resolution}"`);
  }
  switch ((m[2] ?? '').toUpperCase()) {
    case '':
      return ts + count * MINUTE;
    case 'S':
      return ts + count * 1000;
    case 'D':
      return ts + count * DAY;
    case 'W':
      return ts + count * 7 * DAY;
    default:
      return addUtcMonths(ts, count);
  }
}

/**
 * Returns the bars of a chart-history body (an empty list for `no_data`). Each bar's `ts` is its
 * Unix-second open time in milliseconds and `tsEnd` is `ts` plus the resolution. Throws
 * `ARIES_ERR_CHART_HISTORY` with the server's `errmsg` for `s:"error"`.
 */
export function chartHistoryToBars(body: ChartHistory, symbol: string, resolution: string): Bar[] {
  if (body.s === 'error') {
    throw new RunnerError('ARIES_ERR_CHART_HISTORY', `chart history for ${symbol} failed: ${body.errmsg || 'no reason given'}`);
  }
  if (body.s === 'no_data') return [];
  const sym = toSymbol(symbol);
  return body.t.map((seconds, i) => {
    const ts = seconds * 1000;
    return {
      kind: 'bar',
      symbol: sym,
      ts,
      tsEnd: barEnd(ts, resolution),
      open: body.o[i] ?? Number.NaN,
      high: body.h[i] ?? Number.NaN,
      low: body.l[i] ?? Number.NaN,
      close: body.c[i] ?? Number.NaN,
      volume: body.v?.[i] ?? 0,
    };
  });
}
