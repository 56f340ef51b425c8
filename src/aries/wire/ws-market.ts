import { z } from 'zod';
import { toSymbol } from '../../core/index.js';
import type { EpochMs, Quote, Trade } from '../../core/index.js';
import { epochMsOrIso, marketNumber } from './decimal.js';

/** `marketStatus` data pushed after auth and on every change (aries-api.md §8.2). */
export const marketStatusDataSchema = z.object({
  market: z.string().min(1),
  earlyHours: z.boolean().optional(),
  afterHours: z.boolean().optional(),
  exchanges: z.record(z.string(), z.string()).optional(),
  currencies: z.record(z.string(), z.string()).optional(),
  indicesGroups: z.record(z.string(), z.string()).optional(),
  serverTime: z.string().optional(),
});

/** Parsed market status. */
export type MarketStatusData = z.output<typeof marketStatusDataSchema>;

const size = marketNumber.nonnegative();
const price = marketNumber;

/**
 * A quote update's data; partial after the first snapshot. Timestamps are Unix ms (SDK
 * `QuoteData`) or ISO 8601 text (aries-api.md); both become epoch ms.
 */
export const quoteUpdateSchema = z.object({
  symbol: z.string().optional(),
  bidPrice: price.optional(),
  bidSize: size.optional(),
  askPrice: price.optional(),
  askSize: size.optional(),
  bidExchange: z.string().optional(),
  askExchange: z.string().optional(),
  quoteTimestamp: epochMsOrIso.optional(),
});

/** A parsed quote update. */
export type QuoteUpdate = z.output<typeof quoteUpdateSchema>;

/** A trade update's data (SDK `TradeData`; `price` or `lastPrice` holds the print). */
export const tradeUpdateSchema = z.object({
  symbol: z.string().optional(),
  price: price.optional(),
  lastPrice: price.optional(),
  size: size.optional(),
  totalVolume: size.optional(),
  tickVolume: size.optional(),
  openPrice: price.optional(),
  highPrice: price.optional(),
  lowPrice: price.optional(),
  tradeSeq: z.number().int().optional(),
  tradeTimestamp: epochMsOrIso.optional(),
});

/** A parsed trade update. */
export type TradeUpdate = z.output<typeof tradeUpdateSchema>;

const fieldList = z.union([z.array(z.string()), z.literal('*')]);

/**
 * One item of a market `subscribe` payload. The SDK names the lists `quoteFields`/`tradeFields`;
 * aries-api.md's inferred shape used `quote`/`trade`. Both are accepted.
 */
export const marketSubscribeItemSchema = z.object({
  symbol: z.string().min(1),
  symbolType: z.string().optional(),
  quoteFields: fieldList.optional(),
  tradeFields: fieldList.optional(),
  quote: fieldList.optional(),
  trade: fieldList.optional(),
});

/** Returns a market `subscribe` message for equities, asking for the fields the runner maps. */
export function marketSubscribe(id: string, symbols: readonly string[]): { type: 'subscribe'; id: string; payload: z.input<typeof marketSubscribeItemSchema>[] } {
  return {
    type: 'subscribe',
    id,
    payload: symbols.map((symbol) => ({
      symbol,
      quoteFields: ['bidPrice', 'bidSize', 'askPrice', 'askSize', 'quoteTimestamp'],
      tradeFields: ['lastPrice', 'size', 'totalVolume', 'tradeTimestamp'],
    })),
  };
}

/**
 * Returns the quote after applying a (possibly partial) update to the previous one, or
 * `undefined` while bid, ask and both sizes are not all known yet. `ts` is the update's
 * `quoteTimestamp`, else `fallbackTs` (the envelope timestamp).
 */
export function mergeQuote(prev: Quote | undefined, symbol: string, u: QuoteUpdate, fallbackTs: EpochMs): Quote | undefined {
  const bid = u.bidPrice ?? prev?.bid;
  const ask = u.askPrice ?? prev?.ask;
  const bidSize = u.bidSize ?? prev?.bidSize;
  const askSize = u.askSize ?? prev?.askSize;
  if (bid === undefined || ask === undefined || bidSize === undefined || askSize === undefined) return undefined;
  return { kind: 'quote', symbol: toSymbol(symbol), ts: u.quoteTimestamp ?? fallbackTs, bid, ask, bidSize, askSize };
}

/**
 * Returns the trade a trade update reports, or `undefined` when it carries no print (no price or
 * no size: e.g. a volume-only update).
 */
export function tradeFromUpdate(symbol: string, u: TradeUpdate, fallbackTs: EpochMs): Trade | undefined {
  const px = u.lastPrice ?? u.price;
  if (px === undefined || u.size === undefined) return undefined;
  return { kind: 'trade', symbol: toSymbol(symbol), ts: u.tradeTimestamp ?? fallbackTs, price: px, size: u.size };
}
