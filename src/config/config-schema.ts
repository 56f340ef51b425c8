import { z } from 'zod';
import { isRunnerError } from '../core/index.js';
import { parseCommission } from './commission.js';
import { riskSection } from './risk-section.js';
import { runSection } from './run-section.js';

const ISO_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isCalendarDate(text: string): boolean {
  const m = ISO_DATE_RE.exec(text);
  if (m === null) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const monthDays = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  const last = monthDays[month - 1];
  return last !== undefined && day >= 1 && day <= last;
}

function commissionProblem(text: string): string | undefined {
  try {
    parseCommission(text);
    return undefined;
  } catch (err) {
    if (isRunnerError(err)) return err.message;
    throw err;
  }
}

const isoDate = z.string().refine(isCalendarDate, { error: 'expected a date YYYY-MM-DD' });
const paramValue = z.union([z.string(), z.number(), z.boolean()]);

const strategySection = z.strictObject({
  file: z.string().min(1).optional(),
  params: z.record(z.string(), paramValue).default({}),
});

const backtestSection = z
  .strictObject({
    data: z.array(z.string().min(1)).default([]),
    symbol: z.string().min(1).optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    cash: z.number().positive().default(100_000),
    // `commission: 0` is a YAML number; the text forms are validated the same way either way.
    commission: z
      .union([z.string(), z.number().transform((n) => String(n))])
      .default('0')
      .superRefine((text, ctx) => {
        const problem = commissionProblem(text);
        if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem });
      }),
    fill: z.enum(['next-open', 'close']).default('next-open'),
    slippageBps: z.number().nonnegative().default(0),
    seed: z.int().default(1),
    out: z.string().min(1).default('out/backtest'),
    adjusted: z.boolean().default(false),
  })
  .superRefine((section, ctx) => {
    if (section.from !== undefined && section.to !== undefined && section.from > section.to) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: `is before from (${section.from})` });
    }
    if (section.symbol !== undefined && section.data.length > 1) {
      ctx.addIssue({ code: 'custom', path: ['symbol'], message: 'only allowed with a single data file' });
    }
  });


/**
 * The zod schema of a runner config file. Every section is optional; `prefault` runs an absent
 * section through its schema so the defaults inside it apply.
 */
export const runnerConfigSchema = z.strictObject({
  strategy: strategySection.prefault({}),
  backtest: backtestSection.prefault({}),
  risk: riskSection.prefault({}),
  run: runSection.prefault({}),
});

/** A validated runner config with defaults applied (paths resolved by the loader). */
export type RunnerConfig = z.infer<typeof runnerConfigSchema>;
