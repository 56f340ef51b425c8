import { z } from 'zod';

const nullableNumber = z.number().nullable().optional();
// The SDK types some analyst fields as strings and the docs as numbers; both are accepted.
const numberOrText = z.union([z.number(), z.string()]).nullable().optional();

/** One earnings release of `GET /v1/calendars/earnings` (aries-api.md §7, SDK `EarningRelease`). */
export const earningReleaseSchema = z.object({
  date: z.string(),
  symbol: z.string().min(1),
  name: z.string().optional(),
  hour: z.string().optional(),
  time: z.string().optional(),
  quarter: z.number().int().nullable().optional(),
  year: z.number().int().nullable().optional(),
  importance: z.number().int().optional(),
  epsActual: nullableNumber,
  epsEstimate: nullableNumber,
  epsSurprise: nullableNumber,
  revenueActual: nullableNumber,
  revenueEstimate: nullableNumber,
  revenueSurprise: nullableNumber,
  marketCap: nullableNumber,
  logo: z.object({ logoLight: z.string().optional(), logoDark: z.string().optional() }).nullable().optional(),
  analystRating: z
    .object({
      currentRating: z.string().nullable().optional(),
      priceTarget: nullableNumber,
      totalRatings: z.number().int().nullable().optional(),
      successRate: numberOrText,
      averageReturn: numberOrText,
    })
    .nullable()
    .optional(),
});

/** The earnings calendar: a bare array of releases. */
export const earningsCalendarSchema = z.array(earningReleaseSchema);

/** A parsed earnings release. */
export type EarningRelease = z.output<typeof earningReleaseSchema>;

/**
 * One event of `GET /v1/calendars/economics`. Values such as `previous`/`forecast` are text in
 * the SDK; numbers are tolerated. `importance` is an integer.
 */
export const economicEventSchema = z.object({
  calendarID: z.union([z.string(), z.number()]).optional(),
  date: z.string(),
  time: z.string().optional(),
  country: z.string().optional(),
  category: z.string().optional(),
  event: z.string().min(1),
  importance: z.number().int().optional(),
  reference: z.string().optional(),
  referenceDate: z.string().nullable().optional(),
  actual: numberOrText,
  previous: numberOrText,
  forecast: numberOrText,
  teForecast: numberOrText,
  source: z.string().optional(),
  sourceUrl: z.string().optional(),
  unit: z.string().optional(),
  ticker: z.string().optional(),
  symbol: z.string().optional(),
  lastUpdate: z.string().optional(),
});

/** A parsed economic event. */
export type EconomicEvent = z.output<typeof economicEventSchema>;

/** `{events, importantDates?}`; the SDK marks `events` optional, so a missing list becomes `[]`. */
export const economicsCalendarSchema = z
  .object({ events: z.array(economicEventSchema).nullable().optional(), importantDates: z.array(z.string()).optional() })
  .transform((r) => ({ events: r.events ?? [], importantDates: r.importantDates ?? [] }));
