import { DateTime } from 'luxon';
import type { Bar } from '../../core/index.js';
import type { BarHistory } from '../state/bar-history.js';

const ZONE = 'America/New_York';

/** Returns the bucket key (open time, ms) of a bar for a UDF resolution, or `undefined` for an unknown resolution. */
export function bucketFor(resolution: string): ((ts: number) => number) | undefined {
  const m = /^(\d*)([DWM]?)$/i.exec(resolution.trim());
  if (m === null) return undefined;
  const count = m[1] === '' ? 1 : Number(m[1]);
  if (!Number.isInteger(count) || count <= 0) return undefined;
  const unit = (m[2] ?? '').toUpperCase();
  if (unit === '') return (ts) => Math.floor(ts / (count * 60_000)) * count * 60_000;
  // Daily and longer bars are stamped at the session date, 00:00 New York (aries-api.md §6.2).
  const start = unit === 'D' ? 'day' : unit === 'W' ? 'week' : 'month';
  if (count !== 1 && unit !== 'M') return undefined;
  return (ts) => DateTime.fromMillis(ts, { zone: ZONE }).startOf(start).toMillis();
}

function aggregate(bars: readonly Bar[], bucket: (ts: number) => number): Bar[] {
  const out: Bar[] = [];
  for (const b of bars) {
    const key = bucket(b.ts);
    const last = out[out.length - 1];
    if (last !== undefined && last.ts === key) {
      out[out.length - 1] = { ...last, high: Math.max(last.high, b.high), low: Math.min(last.low, b.low), close: b.close, volume: last.volume + b.volume, tsEnd: b.tsEnd };
    } else out.push({ ...b, ts: key });
  }
  return out;
}

function seconds(q: URLSearchParams, name: string): number | undefined {
  const raw = q.get(name);
  if (raw === null || !/^\d+$/.test(raw)) return undefined;
  const n = Number(raw);
  // Millisecond values are converted, as the documented endpoint does.
  return n > 100_000_000_000 ? Math.floor(n / 1000) : n;
}

/** Returns the UDF body for a chart-history query: `ok`, `no_data` or `error` (always sent with HTTP 200). */
export function udfHistory(history: BarHistory, q: URLSearchParams): Record<string, unknown> {
  const symbol = (q.get('symbol') ?? '').toUpperCase();
  const resolution = q.get('resolution') ?? '';
  const from = seconds(q, 'from');
  const to = seconds(q, 'to');
  if (symbol === '') return { s: 'error', errmsg: 'symbol is required' };
  const bucket = bucketFor(resolution);
  if (bucket === undefined) return { s: 'error', errmsg: `unsupported resolution ${JSON.stringify(resolution)}` };
  if (from === undefined || to === undefined) return { s: 'error', errmsg: 'from and to must be Unix seconds' };
  if (to <= from) return { s: 'error', errmsg: 'to must be greater than from' };
  const bars = aggregate(history.range(symbol, from * 1000, to * 1000), bucket);
  if (bars.length === 0) {
    const before = history.lastBefore(symbol, from * 1000);
    return before === undefined ? { s: 'no_data' } : { s: 'no_data', nextTime: Math.floor(before / 1000) };
  }
  return {
    s: 'ok', t: bars.map((b) => Math.floor(b.ts / 1000)), o: bars.map((b) => b.open), h: bars.map((b) => b.high),
    l: bars.map((b) => b.low), c: bars.map((b) => b.close), v: bars.map((b) => b.volume),
  };
}
