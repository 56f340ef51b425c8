import { parseWire } from './parse-wire.js';
import type { WireResult } from './parse-wire.js';
import type { WsEventPayload } from './ws-envelope.js';
import { marketStatusDataSchema, quoteUpdateSchema, tradeUpdateSchema } from './ws-market.js';
import type { MarketStatusData, QuoteUpdate, TradeUpdate } from './ws-market.js';

/** A market-socket event the runner understands, or `other` for everything it ignores. */
export type MarketEvent =
  | { readonly kind: 'marketStatus'; readonly status: MarketStatusData }
  | { readonly kind: 'quote'; readonly symbol: string; readonly update: QuoteUpdate }
  | { readonly kind: 'trade'; readonly symbol: string; readonly update: TradeUpdate }
  | { readonly kind: 'other'; readonly action: string | undefined; readonly type: string | undefined };

function symbolOf(payload: WsEventPayload, dataSymbol: string | undefined): WireResult<string> {
  const symbol = payload.symbol ?? dataSymbol;
  return symbol === undefined || symbol === '' ? { ok: false, problem: 'malformed market update: no symbol' } : { ok: true, value: symbol };
}

/**
 * Returns the market event an `update`/`snapshot` payload carries (`type` = `marketStatus`,
 * `quote` or `trade`), `other` for any other payload, or a problem when a known kind is malformed.
 */
export function parseMarketEvent(payload: WsEventPayload): WireResult<MarketEvent> {
  const isData = payload.action === 'update' || payload.action === 'snapshot';
  const kind = isData ? payload.type : undefined;
  if (kind === 'marketStatus') {
    const r = parseWire(marketStatusDataSchema, payload.data, 'marketStatus');
    return r.ok ? { ok: true, value: { kind: 'marketStatus', status: r.value } } : r;
  }
  if (kind === 'quote') {
    const r = parseWire(quoteUpdateSchema, payload.data, 'quote update');
    if (!r.ok) return r;
    const s = symbolOf(payload, r.value.symbol);
    return s.ok ? { ok: true, value: { kind: 'quote', symbol: s.value, update: r.value } } : s;
  }
  if (kind === 'trade') {
    const r = parseWire(tradeUpdateSchema, payload.data, 'trade update');
    if (!r.ok) return r;
    const s = symbolOf(payload, r.value.symbol);
    return s.ok ? { ok: true, value: { kind: 'trade', symbol: s.value, update: r.value } } : s;
  }
  return { ok: true, value: { kind: 'other', action: payload.action, type: payload.type } };
}
