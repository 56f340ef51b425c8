import { DateTime } from 'luxon';
import type { Candle } from '../report-input.js';
import { downsampleMinMaxStream, MAX_CHART_POINTS } from './downsample.js';
import type { EquityRow, EquityRows, ReportPageInput, TradeRow } from './page-input.js';
import { tradeMarkers, type Marker } from './trade-markers.js';

/** A chart point: `[wall-clock seconds, value]`. */
export type ChartPoint = readonly [number, number];

/** The series the page's inline script draws, already downsampled. */
export interface ChartData {
  readonly intraday: boolean;
  readonly equity: readonly ChartPoint[];
  /** Buy-and-hold of the first symbol, scaled to the starting cash; empty without prices. */
  readonly benchmark: readonly ChartPoint[];
  readonly benchmarkSymbol: string;
  /** Drawdown from the running peak per bar close, in percent (≤ 0). */
  readonly drawdown: readonly ChartPoint[];
  readonly prices: readonly {
    readonly symbol: string;
    readonly candles: readonly (readonly [number, number, number, number, number])[];
    readonly markers: readonly Marker[];
  }[];
}

/**
 * Returns the chart series of `input`, each at most `maxPoints` long. Times become the wall
 * clock of the run's zone expressed as UTC seconds (what lightweight-charts expects for local
 * axes) and are made strictly increasing. The benchmark buys the first symbol at its first
 * open with all the starting cash and is valued at each shown equity time with the close of the
 * latest candle that opened by then. The drawdown is measured from the starting cash onward.
 */
export function chartData(input: ReportPageInput, maxPoints = MAX_CHART_POINTS): ChartData {
  const zone = input.timeZone;
  const start = Number(input.report.startingCash);
  const rows = input.equity;
  const equity = downsampleMinMaxStream(rows, rows.length, (p) => p.equity, maxPoints);
  const first = input.prices.find((p) => p.symbol === input.report.symbols[0]) ?? input.prices[0];
  return {
    intraday: isIntraday(rows),
    equity: increasing(equity.map((p) => [localSeconds(p.ts, zone), p.equity])),
    benchmark: first === undefined ? [] : increasing(benchmark(equity, first.candles, start).map(([t, v]) => [localSeconds(t, zone), v])),
    benchmarkSymbol: first?.symbol ?? '',
    drawdown: increasing(downsampleMinMaxStream(drawdown(rows, start), rows.length, (p) => p[1], maxPoints).map(([t, v]) => [localSeconds(t, zone), v])),
    prices: input.prices.map((p) => ({
      symbol: p.symbol,
      candles: increasingCandles(p.candles.map((c) => [localSeconds(c.ts, zone), c.open, c.high, c.low, c.close] as const)),
      markers: tradeMarkers(p.candles, ofSymbol(input.trades, p.symbol)).map((m) => ({ ...m, time: localSeconds(m.time, zone) })),
    })),
  };
}

/** Yields the trades of one symbol (the trades may be streamed from disk, so no array is built). */
function* ofSymbol(trades: Iterable<TradeRow>, symbol: string): Generator<TradeRow> {
  for (const t of trades) if (t.symbol === symbol) yield t;
}

function benchmark(equity: readonly EquityRow[], candles: readonly Candle[], start: number): [number, number][] {
  const entry = candles[0]?.open;
  if (entry === undefined || !(entry > 0)) return [];
  const out: [number, number][] = [];
  let i = -1;
  for (const point of equity) {
    while (i + 1 < candles.length && (candles[i + 1] as Candle).ts <= point.ts) i += 1;
    const candle = candles[i];
    if (candle !== undefined) out.push([point.ts, (start * candle.close) / entry]);
  }
  return out;
}

function* drawdown(equity: Iterable<EquityRow>, start: number): Generator<[number, number]> {
  let peak = start;
  for (const p of equity) {
    peak = Math.max(peak, p.equity);
    yield [p.ts, peak > 0 ? (p.equity / peak - 1) * 100 : 0];
  }
}

/** Returns whether bars are closer than a day apart (the time axis then shows clock times). */
function isIntraday(equity: EquityRows): boolean {
  const first: EquityRow[] = [];
  for (const p of equity) {
    first.push(p);
    if (first.length === 2) break;
  }
  const [a, b] = first;
  return a !== undefined && b !== undefined && b.ts - a.ts < 20 * 3600_000;
}

function localSeconds(ts: number, zone: string): number {
  const offset = DateTime.fromMillis(ts, { zone }).offset;
  return Math.floor(ts / 1000) + (Number.isFinite(offset) ? offset * 60 : 0);
}

function increasing(points: readonly ChartPoint[]): ChartPoint[] {
  const out: ChartPoint[] = [];
  for (const p of points) if (out.length === 0 || p[0] > (out.at(-1) as ChartPoint)[0]) out.push(p);
  return out;
}

function increasingCandles<T extends readonly [number, ...number[]]>(rows: readonly T[]): T[] {
  const out: T[] = [];
  for (const r of rows) if (out.length === 0 || r[0] > (out.at(-1) as T)[0]) out.push(r);
  return out;
}
