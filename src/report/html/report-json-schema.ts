import { z } from 'zod';
import type { BacktestReport } from '../backtest-report.js';

const ratio = z.number().nullable();
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** The shape of `report.json` ({@link BacktestReport}), for reading a report folder back. */
export const reportJsonSchema = z.object({
  strategy: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
  symbols: z.array(z.string()),
  from: date,
  to: date,
  bars: z.number().int().nonnegative(),
  startingCash: z.string(),
  finalEquity: z.string(),
  totalReturn: ratio,
  cagr: ratio,
  volatility: ratio,
  sharpe: ratio,
  sortino: ratio,
  maxDrawdown: ratio,
  maxDrawdownStart: date.nullable(),
  maxDrawdownEnd: date.nullable(),
  calmar: ratio,
  trades: z.number().int().nonnegative(),
  winRate: ratio,
  profitFactor: ratio,
  exposure: ratio,
  orders: z.number().int().nonnegative(),
  fills: z.number().int().nonnegative(),
  commission: z.string(),
  orderListHash: z.string(),
  seed: z.number(),
}) satisfies z.ZodType<BacktestReport>;
