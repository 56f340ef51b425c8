/**
 * Why the risk gate refused an order intent. Codes are stable SCREAMING_SNAKE strings: match on
 * them, never on the message.
 */
export const DenialCode = {
  INVALID_ORDER: 'INVALID_ORDER',
  MAX_ORDER_QTY_EXCEEDED: 'MAX_ORDER_QTY_EXCEEDED',
  MAX_NOTIONAL_EXCEEDED: 'MAX_NOTIONAL_EXCEEDED',
  MAX_POSITION_EXCEEDED: 'MAX_POSITION_EXCEEDED',
  SYMBOL_NOT_ALLOWED: 'SYMBOL_NOT_ALLOWED',
  INSUFFICIENT_BUYING_POWER: 'INSUFFICIENT_BUYING_POWER',
  MARKET_CLOSED: 'MARKET_CLOSED',
  NO_MARKET_DATA: 'NO_MARKET_DATA',
  TRADING_HALTED: 'TRADING_HALTED',
  REDUCING_ONLY: 'REDUCING_ONLY',
  RATE_LIMITED: 'RATE_LIMITED',
  PREVIEW_REJECTED: 'PREVIEW_REJECTED',
  SHORT_NOT_ALLOWED: 'SHORT_NOT_ALLOWED',
  MAX_OPEN_ORDERS: 'MAX_OPEN_ORDERS',
  PRICE_COLLAR: 'PRICE_COLLAR',
  DUPLICATE_INTENT: 'DUPLICATE_INTENT',
  FEED_STALE: 'FEED_STALE',
  CALENDAR_BLACKOUT: 'CALENDAR_BLACKOUT',
  ORDER_RATE: 'ORDER_RATE',
} as const;
/** A stable denial code. */
export type DenialCode = (typeof DenialCode)[keyof typeof DenialCode];

/** A denial: its code, a human sentence, and key=value context for logs and the journal. */
export interface DenialReason {
  readonly code: DenialCode;
  readonly message: string;
  readonly context?: Readonly<Record<string, string | number>>;
}

/** The result of one risk check: pass, or a denial value (never an exception). */
export type RiskVerdict = { readonly ok: true } | { readonly ok: false; readonly reason: DenialReason };

/** Returns the passing verdict (shared, allocation-free). */
export const PASS: RiskVerdict = { ok: true };

/** Returns a failing verdict with the given code, message and context. */
export function deny(
  code: DenialCode,
  message: string,
  context?: Readonly<Record<string, string | number>>,
): RiskVerdict {
  return { ok: false, reason: context === undefined ? { code, message } : { code, message, context } };
}
