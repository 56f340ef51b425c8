/** The rate-limit categories of the Aries REST API (aries-api.md §3.2). */
export const RateCategory = {
  AUTH: 'auth',
  USER_MANAGEMENT: 'user-management',
  MARKET_DATA: 'market-data',
  TRADING: 'trading',
} as const;
/** A rate-limit category of the Aries REST API. */
export type RateCategory = (typeof RateCategory)[keyof typeof RateCategory];

/** A request budget: at most `capacity` requests in any `windowMs`. */
export interface RateBudget {
  readonly capacity: number;
  readonly windowMs: number;
}

/** The documented budgets per category (requests per minute). */
export const ARIES_RATE_BUDGETS: Readonly<Record<RateCategory, RateBudget>> = {
  auth: { capacity: 10, windowMs: 60_000 },
  'user-management': { capacity: 100, windowMs: 60_000 },
  'market-data': { capacity: 1000, windowMs: 60_000 },
  trading: { capacity: 50, windowMs: 60_000 },
};
