import { z } from 'zod';

/**
 * The `run:` section: how `aries-runner run` trades (paper or live), where, on which bars, and
 * where the journal lives. `embedded` starts the local simulator in-process, replaying bar files,
 * for a run with no Aries account (what `npm start` does).
 */
export const runSection = z.strictObject({
  mode: z.enum(['paper', 'live']).default('paper'),
  apiUrl: z.url({ protocol: /^https?$/ }).default('https://api.aries.com'),
  accountId: z.string().min(1).optional(),
  // `1d` builds one bar per regular session; `Nm` builds N-minute bars from trades.
  bars: z.string().regex(/^(1d|[1-9]\d*m)$/, { error: 'expected 1d or a number of minutes like 1m, 5m' }).default('1m'),
  clock: z.enum(['auto', 'market', 'wall']).default('auto'),
  journal: z.string().min(1).optional(),
  cancelOnShutdown: z.boolean().default(false),
  // Live start-up: on a journal/broker position mismatch, take the broker's positions instead of refusing to start.
  adoptBroker: z.boolean().default(false),
  cash: z.number().positive().default(100_000),
  // Bars of chart history delivered before live ones; 0 keeps paper runs identical to backtests.
  warmUpBars: z.int().nonnegative().default(0),
  // No market data for this long during market hours makes a symbol stale (falls back to risk.staleFeedMs).
  staleFeedMs: z.int().positive().optional(),
  calendarRefreshMs: z.int().positive().default(3_600_000),
  embedded: z
    .strictObject({
      data: z.array(z.string().min(1)).min(1),
      speed: z.number().positive().default(2_000_000),
      seed: z.int().default(1),
    })
    .optional(),
});
