import { z } from 'zod';
import { isRunnerError } from '../core/index.js';
import { parseOrderRate } from './order-rate.js';

const positiveLimit = z.number().positive({ error: 'must be a positive number' }).optional();
const positiveInt = z.int({ error: 'must be a whole number' }).positive({ error: 'must be positive' }).optional();
const minutes = z.int({ error: 'must be whole minutes' }).nonnegative({ error: 'must not be negative' });
const percentBelow100 = z.number().gt(0, { error: 'must be above 0' }).lt(100, { error: 'must be below 100' });

// Aries economic events rate importance 1 (low) to 3 (high); the words are accepted too.
const IMPORTANCE_WORDS = { low: 1, medium: 2, high: 3 } as const;
const importance = z.union([
  z.int().nonnegative(),
  z.enum(['low', 'medium', 'high']).transform((w) => IMPORTANCE_WORDS[w]),
], { error: 'expected an importance number or low | medium | high' });

const orderRate = z.string().transform((text, ctx) => {
  try {
    return parseOrderRate(text);
  } catch (err) {
    if (!isRunnerError(err)) throw err;
    ctx.addIssue({ code: 'custom', message: err.message });
    return z.NEVER;
  }
});

const blackoutsSection = z.strictObject({
  economic: z.strictObject({
    names: z.array(z.string().min(1)).default([]),
    importance: z.array(importance).default([]),
    minutesBefore: minutes.default(5),
    minutesAfter: minutes.default(5),
  }).optional(),
  earnings: z.strictObject({ minutesBefore: minutes.default(60) }).optional(),
});

/** The `risk:` section of a runner config: every limit is optional; absent means not checked. */
export const riskSection = z
  .strictObject({
    maxOrderQty: positiveLimit,
    maxOrderNotional: positiveLimit,
    maxPositionQty: positiveLimit,
    allowedSymbols: z.array(z.string().min(1)).optional(),
    buyingPowerCheck: z.boolean().default(true),
    marketHoursCheck: z.boolean().default(true),
    // 50 orders a minute is the Aries Trading API limit.
    tradingRatePerMinute: z.int().positive().default(50),
    preview: z.boolean().default(true),
    maxOpenOrders: positiveInt,
    priceCollarPct: positiveLimit,
    duplicateWindowMs: positiveInt,
    maxOrderRate: orderRate.optional(),
    dailyLossLimit: positiveLimit,
    maxDrawdownPct: percentBelow100.optional(),
    lossAction: z.enum(['halt', 'reduce']).optional(),
    exitReservePct: z.number().nonnegative({ error: 'must not be negative' }).lt(100, { error: 'must be below 100' }).optional(),
    blackouts: blackoutsSection.optional(),
    staleFeedMs: positiveInt,
  })
  .superRefine((risk, ctx) => {
    if (risk.exitReservePct === undefined) return;
    // Entries need room for their whole cost (preview + submit) above the reserve.
    const reserve = Math.ceil((risk.tradingRatePerMinute * risk.exitReservePct) / 100);
    const entryCost = risk.preview ? 2 : 1;
    if (risk.tradingRatePerMinute - reserve < entryCost) {
      ctx.addIssue({
        code: 'custom', path: ['exitReservePct'],
        message: `leaves ${risk.tradingRatePerMinute - reserve} of ${risk.tradingRatePerMinute} tokens a minute for entries, which need ${entryCost}`,
      });
    }
  });
