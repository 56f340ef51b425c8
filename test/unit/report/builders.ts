import { parseAmount, toSymbol, type Amount } from '../../../src/core/index.js';
import type { BacktestResult, EquityPoint, OrderRecord, RoundTrip } from '../../../src/report/index.js';

/** Returns the Amount of a decimal literal, failing loudly on a typo. */
export function amt(text: string): Amount {
  const value = parseAmount(text);
  if (value === undefined) throw new Error(`bad amount literal ${text}`);
  return value;
}

/** Returns epoch ms of a UTC wall time. */
export function utc(y: number, mo: number, d: number, h = 0, mi = 0): number {
  return Date.UTC(y, mo - 1, d, h, mi);
}

export function point(ts: number, equity: number, exposed = false): EquityPoint {
  return { ts, equity, exposed };
}

export function trip(pnl: string, overrides: Partial<RoundTrip> = {}): RoundTrip {
  return {
    symbol: toSymbol('AAPL'), side: 'LONG', qty: amt('10'), entryTs: utc(2024, 1, 2, 15), exitTs: utc(2024, 1, 3, 20),
    entryPrice: amt('150'), exitPrice: amt('150.5'), pnl: amt(pnl), commission: amt('1'), ...overrides,
  };
}

export function order(overrides: Partial<OrderRecord> = {}): OrderRecord {
  return {
    id: 'O-000001', ts: utc(2024, 1, 2, 14, 30), symbol: 'AAPL', side: 'BUY', type: 'LIMIT', tif: 'DAY',
    qty: amt('10'), limitPrice: amt('150.5'), status: 'FILLED', filledQty: amt('10'), avgFillPrice: amt('150.25'),
    ...overrides,
  };
}

/**
 * A three-day backtest in New York (EST = UTC−5) from 100 cash. Day-end equities 110 (Jan 2),
 * 99 (Jan 3), 121 (Jan 4); the Jan 2 evening point (01:00 UTC Jan 3) still belongs to Jan 2.
 * Six points, four exposed.
 */
export function goldenResult(): BacktestResult {
  return {
    strategy: 'sma-cross',
    params: { slow: 30, fast: 10, allowShort: false },
    symbols: ['AAPL'],
    from: utc(2024, 1, 2, 14, 30),
    to: utc(2024, 1, 4, 21),
    bars: 6,
    startingCash: amt('100'),
    finalEquity: amt('121'),
    equity: [
      point(utc(2024, 1, 2, 15), 104, true),
      point(utc(2024, 1, 2, 21), 107, true),
      point(utc(2024, 1, 3, 1), 110, false),
      point(utc(2024, 1, 3, 21), 99, true),
      point(utc(2024, 1, 4, 15), 118, true),
      point(utc(2024, 1, 4, 21), 121, false),
    ],
    trades: [trip('5'), trip('-2'), trip('3')],
    orders: [order(), marketOrder({ id: 'O-000002', side: 'SELL', tag: 'exit, "fast"' })],
    fills: 2,
    commission: amt('3'),
    seed: 42,
    timeZone: 'America/New_York',
  };
}

/** Returns a market order: the default order without its limit price. */
export function marketOrder(overrides: Partial<OrderRecord> = {}): OrderRecord {
  const { limitPrice: _dropped, ...rest } = order({ type: 'MARKET', ...overrides });
  return rest;
}

/** Asserts `actual` is within 1e-11 relative of `expected` (12 significant digits). */
export function relClose(actual: number | null, expected: number): boolean {
  return actual !== null && Math.abs(actual - expected) <= 1e-11 * Math.max(1, Math.abs(expected));
}
