/** A subscription ready for `AriesSocket.subscribe(key, payload, unsubscribePayload)`. */
export interface SubscriptionSpec {
  readonly key: string;
  readonly payload: unknown;
  readonly unsubscribePayload: unknown;
}

/** One symbol request of the market socket (§8.2); field lists are Aries field names. */
export interface MarketSymbolRequest {
  readonly symbol: string;
  readonly symbolType?: 'equity' | 'option' | 'index';
  readonly quote?: readonly string[];
  readonly trade?: readonly string[];
}

/** Returns the market-socket subscription of one symbol, keyed `market:<symbol>`. */
export function marketSubscription(request: MarketSymbolRequest): SubscriptionSpec {
  return { key: `market:${request.symbol}`, payload: [request], unsubscribePayload: [{ symbol: request.symbol }] };
}

/**
 * Returns an account-socket subscription (§8.4) keyed `<topic>:<accountId>`; `data` carries the account
 * id and any topic options (e.g. `interval` for `pnl`).
 */
export function accountSubscription(
  topic: 'account' | 'pnl' | 'watchlist' | 'news',
  data: { readonly accountId: string } & Readonly<Record<string, unknown>>,
): SubscriptionSpec {
  const payload = { topic, data };
  return { key: `${topic}:${data.accountId}`, payload, unsubscribePayload: payload };
}
