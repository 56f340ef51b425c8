import type { EpochMs, Quote, Trade } from '../../core/index.js';
import type { SimMarketStatus } from '../sim-ports.js';

/** A server message before JSON encoding. */
export type ServerMessage = Readonly<Record<string, unknown>>;

/** Returns an `event` envelope; the payload gets `timestamp` (epoch ms) unless it has one. */
export function eventMessage(payload: Readonly<Record<string, unknown>>, now: EpochMs): ServerMessage {
  return { type: 'event', payload: { ...payload, timestamp: payload['timestamp'] ?? now } };
}

/** Returns `authSuccess` answering request `id` (aries-api.md §8.1). */
export function authSuccess(id: string | undefined, expiresIn: number, now: EpochMs): ServerMessage {
  return eventMessage({ action: 'authSuccess', ...(id === undefined ? {} : { id }), data: { expiresIn } }, now);
}

/** Returns an `error` event, answering request `id` when given. */
export function errorEvent(error: string, id: string | undefined, now: EpochMs): ServerMessage {
  return eventMessage({ action: 'error', error, ...(id === undefined ? {} : { id }) }, now);
}

/** Returns a session-control event (`refreshAuth`, `authExpired`). */
export function controlEvent(action: 'refreshAuth' | 'authExpired', now: EpochMs, data?: Readonly<Record<string, unknown>>): ServerMessage {
  return eventMessage({ action, ...(data === undefined ? {} : { data }) }, now);
}

/** Returns the pong for a ping, echoing its id. */
export function pongMessage(id: string | undefined, now: EpochMs): ServerMessage {
  return { type: 'pong', ...(id === undefined ? {} : { id }), timestamp: now };
}

/** Returns a `response` envelope to request `id`. */
export function responseMessage(id: string | undefined, action: string, data: Readonly<Record<string, unknown>>): ServerMessage {
  return { type: 'response', ...(id === undefined ? {} : { id }), payload: { action, data } };
}

/** Returns the documented `marketStatus` push (§8.2); exchanges and index groups follow the market. */
export function marketStatusEvent(status: SimMarketStatus, now: EpochMs): ServerMessage {
  const m = status.market;
  const data = {
    market: m,
    earlyHours: false,
    afterHours: m === 'extended-hours',
    exchanges: { nasdaq: m, nyse: m, otc: m },
    currencies: { crypto: 'open', fx: 'open' },
    indicesGroups: { dow_jones: m, nasdaq: m, s_and_p: m },
    serverTime: new Date(now).toISOString(),
  };
  return eventMessage({ action: 'update', type: 'marketStatus', data }, now);
}

/** Field lists a market subscription asked for; `undefined` = every field. */
export type FieldFilter = ReadonlySet<string> | undefined;

function pick(data: Readonly<Record<string, unknown>>, fields: FieldFilter): Record<string, unknown> {
  if (fields === undefined) return { ...data };
  const out: Record<string, unknown> = { symbol: data['symbol'] };
  for (const f of fields) if (f in data) out[f] = data[f];
  return out;
}

/** Returns a quote event (`update`, or `snapshot` on subscribe) with SDK-style numeric fields. */
export function quoteEvent(q: Quote, fields: FieldFilter, action: 'update' | 'snapshot', now: EpochMs): ServerMessage {
  const data = {
    symbol: q.symbol,
    bidPrice: q.bid,
    bidSize: q.bidSize,
    askPrice: q.ask,
    askSize: q.askSize,
    bidExchange: 'SIM',
    askExchange: 'SIM',
    quoteTimestamp: q.ts,
  };
  return eventMessage({ action, type: 'quote', symbol: q.symbol, data: pick(data, fields) }, now);
}

/** What the tape adds to a trade: the day's volume so far and a per-symbol sequence number. */
export interface TradeTape {
  readonly totalVolume: number;
  readonly seq: number;
}

/** Returns a trade event; `price` and `lastPrice` both carry the print. */
export function tradeEvent(t: Trade, tape: TradeTape, fields: FieldFilter, action: 'update' | 'snapshot', now: EpochMs): ServerMessage {
  const data = {
    symbol: t.symbol,
    price: t.price,
    lastPrice: t.price,
    size: t.size,
    tickVolume: t.size,
    totalVolume: tape.totalVolume,
    tradeSeq: tape.seq,
    tradeExchange: 'SIM',
    tradeTimestamp: t.ts,
  };
  return eventMessage({ action, type: 'trade', symbol: t.symbol, data: pick(data, fields) }, now);
}
