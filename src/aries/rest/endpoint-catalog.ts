import { CallKind, type AriesEndpoint, type AriesMethod } from './endpoint.js';
import { RateCategory } from './rate-categories.js';
import { AriesScope as S, type AriesScope } from './scopes.js';

function ep(method: AriesMethod, path: string, category: RateCategory, scopes: readonly AriesScope[], kind: CallKind): AriesEndpoint {
  return { method, path, category, scopes, bearer: category !== RateCategory.AUTH, kind };
}

const { AUTH, USER_MANAGEMENT: USER, MARKET_DATA: MARKET, TRADING } = RateCategory;
const { READ, PREVIEW, ORDER_WRITE, WRITE } = CallKind;

/**
 * The REST endpoints the runner calls, with method, rate category (§2 auth, §4 user and account,
 * §5 trading, §6–§7 market data) and the scopes of which one must be granted (§2.3). Where §2.3
 * lists an endpoint under two scopes, either one suffices. Calendars count as market data and
 * the equity movers as analytics: both are our reading, the docs do not say.
 */
export const ARIES_ENDPOINTS = {
  oauthToken: ep('POST', '/v1/oauth2/token', AUTH, [], WRITE),
  usersMe: ep('GET', '/v1/users/me', USER, [S.USER_INFORMATION], READ),
  userAccounts: ep('GET', '/v1/users/me/accounts', USER, [S.USER_INFORMATION, S.ACCOUNT_INFORMATION], READ),
  balances: ep('GET', '/v1/accounts/{id}/balances', USER, [S.ACCOUNT_INFORMATION], READ),
  positions: ep('GET', '/v1/accounts/{id}/positions', USER, [S.ACCOUNT_INFORMATION, S.POSITION_INFORMATION], READ),
  ordersV1: ep('GET', '/v1/accounts/{id}/orders', USER, [S.ORDER_INFORMATION], READ),
  activeOrders: ep('GET', '/v2/accounts/{id}/orders', USER, [S.ORDER_INFORMATION], READ),
  orderHistory: ep('GET', '/v2/accounts/{id}/orders/history', USER, [S.ORDER_INFORMATION], READ),
  placeOrder: ep('POST', '/v1/orders', TRADING, [S.ORDER_EXECUTION], ORDER_WRITE),
  previewOrder: ep('POST', '/v1/orders/preview', TRADING, [S.ORDER_EXECUTION], PREVIEW),
  replaceOrder: ep('POST', '/v1/orders/replace', TRADING, [S.ORDER_EXECUTION], ORDER_WRITE),
  cancelOrder: ep('POST', '/v1/orders/cancel', TRADING, [S.ORDER_EXECUTION], ORDER_WRITE),
  symbolSearch: ep('GET', '/v1/marketdata/search', MARKET, [S.MARKET_INFORMATION], READ),
  chartHistory: ep('GET', '/v1/chart/history', MARKET, [S.MARKET_INFORMATION], READ),
  chartSymbols: ep('GET', '/v1/chart/symbols', MARKET, [S.MARKET_INFORMATION], READ),
  stocksAggs: ep('GET', '/v1/stocks/aggs', MARKET, [S.MARKET_SUPPLEMENTAL], READ),
  lastQuote: ep('GET', '/v1/stocks/last-quote', MARKET, [S.MARKET_SUPPLEMENTAL], READ),
  lastTrade: ep('GET', '/v1/stocks/last-trade', MARKET, [S.MARKET_SUPPLEMENTAL], READ),
  indicesChartBars: ep('GET', '/v1/indices/chart-bars', MARKET, [S.MARKET_SUPPLEMENTAL], READ),
  equityTopGainers: ep('GET', '/v1/equity/top-gainers', MARKET, [S.ANALYTICS_INFORMATION], READ),
  equityTopLosers: ep('GET', '/v1/equity/top-losers', MARKET, [S.ANALYTICS_INFORMATION], READ),
  optionsTopGainers: ep('GET', '/v1/options/stocks/top-gainers', MARKET, [S.OPTIONS_INFORMATION], READ),
  earningsCalendar: ep('GET', '/v1/calendars/earnings', MARKET, [S.CALENDAR_INFORMATION], READ),
  economicCalendar: ep('GET', '/v1/calendars/economics', MARKET, [S.CALENDAR_INFORMATION], READ),
  economicHistory: ep('GET', '/v1/calendars/historical/{symbol}', MARKET, [S.CALENDAR_INFORMATION], READ),
} as const satisfies Record<string, AriesEndpoint>;

/** The name of a catalogued endpoint. */
export type AriesEndpointName = keyof typeof ARIES_ENDPOINTS;
