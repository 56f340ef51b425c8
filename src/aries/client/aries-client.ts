import type { z } from 'zod';
import { RunnerError, type Bar, type OrderIntent, type VenueOrderId } from '../../core/index.js';
import { ARIES_ENDPOINTS as E, type AriesHttp } from '../rest/index.js';
import {
  accountsResponseSchema, balancesSchema, cancelOrderResponseSchema, chartHistorySchema, chartHistoryToBars,
  earningsCalendarSchema, economicsCalendarSchema, intentToPlaceBody, mapBalances, mapOrder, mapPosition, ordersPageSchema,
  placeOrderResponseSchema, positionsResponseSchema, previewOrderResponseSchema, replaceOrderResponseSchema,
  tradingAccountIdOf, userMeSchema,
  type AccountBalances, type AccountItem, type AriesOrderRecord, type CancelOrderResponse, type EarningRelease,
  type EconomicEvent, type PlaceOrderResponse, type PositionRecord, type PreviewOrderResponse, type ReplaceOrderResponse,
} from '../wire/index.js';
import { bodyParser } from './parse-body.js';

/** The user profile as `/v1/users/me` returns it. */
export type UserProfile = z.output<typeof userMeSchema>;

/** One page of orders and the cursor of the next (0 = last page). */
export interface OrdersPageResult {
  readonly orders: readonly AriesOrderRecord[];
  readonly nextCursor: number;
}

/** New values for a replace; absent fields keep their current value. */
export interface ReplaceChanges {
  readonly qty?: string;
  readonly price?: string;
  readonly stopPrice?: string;
  readonly timeInForce?: string;
}

/**
 * The Aries REST API in core vocabulary: each method calls one documented endpoint through
 * {@link AriesHttp} (auth, scopes, rate limits, retry policy) and validates the answer with its
 * wire schema. Order placement is never retried: an unknown outcome surfaces as
 * `ARIES_ERR_OUTCOME_UNKNOWN` for the order manager to reconcile by listing orders.
 */
export class AriesClient {
  constructor(private readonly http: AriesHttp) {}

  /** Returns the user profile (`/v1/users/me`). */
  me(): Promise<UserProfile> {
    return this.http.requestJson({ endpoint: E.usersMe }, bodyParser(userMeSchema, 'user profile'));
  }

  /** Returns the user's accounts. */
  async accounts(): Promise<readonly AccountItem[]> {
    const r = await this.http.requestJson({ endpoint: E.userAccounts }, bodyParser(accountsResponseSchema, 'account list'));
    return r.accounts;
  }

  /** Returns the trading account id to use: `preferred` if the user has it, else the first account. */
  async tradingAccountId(preferred?: string): Promise<string> {
    const ids = (await this.accounts()).map((a) => tradingAccountIdOf(a)).filter((id): id is string => id !== undefined);
    const chosen = preferred === undefined ? ids[0] : ids.find((id) => id === preferred);
    if (chosen === undefined) {
      const wanted = preferred === undefined ? 'any account' : `account ${preferred}`;
      throw new RunnerError('ARIES_ERR_NO_ACCOUNT', `Aries lists no ${wanted} for this login (found: ${ids.join(', ') || 'none'})`);
    }
    return chosen;
  }

  /** Returns cash, equity and buying power. */
  async balances(accountId: string): Promise<AccountBalances> {
    const b = await this.http.requestJson({ endpoint: E.balances, params: { id: accountId } }, bodyParser(balancesSchema, 'balances'));
    return mapBalances(b);
  }

  /** Returns the open positions. */
  async positions(accountId: string): Promise<readonly PositionRecord[]> {
    const r = await this.http.requestJson({ endpoint: E.positions, params: { id: accountId } }, bodyParser(positionsResponseSchema, 'positions'));
    return r.map(mapPosition);
  }

  /** Returns one page of working orders (v2). */
  async activeOrders(accountId: string, cursor = 0): Promise<OrdersPageResult> {
    const page = await this.http.requestJson(
      { endpoint: E.activeOrders, params: { id: accountId }, query: { cursor: String(cursor) } },
      bodyParser(ordersPageSchema, 'active orders'),
    );
    return { orders: page.orders.map(mapOrder), nextCursor: page.nextCursor };
  }

  /** Returns every working order, following the cursor to the last page. */
  async allActiveOrders(accountId: string): Promise<readonly AriesOrderRecord[]> {
    const all: AriesOrderRecord[] = [];
    let cursor = 0;
    do {
      const page = await this.activeOrders(accountId, cursor);
      all.push(...page.orders);
      cursor = page.nextCursor;
    } while (cursor !== 0);
    return all;
  }

  /** Returns one page of order history since `fromIso` (RFC 3339). */
  async orderHistory(accountId: string, fromIso: string, cursor = 0): Promise<OrdersPageResult> {
    const page = await this.http.requestJson(
      { endpoint: E.orderHistory, params: { id: accountId }, query: { from: fromIso, cursor: String(cursor) } },
      bodyParser(ordersPageSchema, 'order history'),
    );
    return { orders: page.orders.map(mapOrder), nextCursor: page.nextCursor };
  }

  /** Places an order (never retried). */
  placeOrder(accountId: string, intent: OrderIntent): Promise<PlaceOrderResponse> {
    return this.http.requestJson(
      { endpoint: E.placeOrder, body: intentToPlaceBody(intent, { accountId }) },
      bodyParser(placeOrderResponseSchema, 'place-order response'),
    );
  }

  /** Previews an order: estimated cost, commission and buying-power impact. */
  previewOrder(accountId: string, intent: OrderIntent): Promise<PreviewOrderResponse> {
    return this.http.requestJson(
      { endpoint: E.previewOrder, body: intentToPlaceBody(intent, { accountId }) },
      bodyParser(previewOrderResponseSchema, 'preview response'),
    );
  }

  /** Replaces a working order; the server answers with a new `clOrdId`. */
  replaceOrder(accountId: string, symbol: string, orig: VenueOrderId, changes: ReplaceChanges): Promise<ReplaceOrderResponse> {
    return this.http.requestJson(
      { endpoint: E.replaceOrder, body: { accountId, symbol, origClOrdId: orig, ...changes } },
      bodyParser(replaceOrderResponseSchema, 'replace response'),
    );
  }

  /** Asks to cancel a working order; the outcome arrives on the account socket. */
  cancelOrder(accountId: string, symbol: string, side: string, orig: VenueOrderId): Promise<CancelOrderResponse> {
    return this.http.requestJson(
      { endpoint: E.cancelOrder, body: { accountId, symbol, side, origClOrdId: orig } },
      bodyParser(cancelOrderResponseSchema, 'cancel response'),
    );
  }

  /** Returns historical bars (`resolution` as Aries names it: `1`, `5`, `D`, …) between two epoch-ms times. */
  async chartHistory(symbol: string, resolution: string, fromMs: number, toMs: number): Promise<readonly Bar[]> {
    const body = await this.http.requestJson(
      { endpoint: E.chartHistory, query: { symbol, resolution, from: String(Math.floor(fromMs / 1000)), to: String(Math.floor(toMs / 1000)) } },
      bodyParser(chartHistorySchema, 'chart history'),
    );
    return chartHistoryToBars(body, symbol, resolution);
  }

  /** Returns earnings releases between two dates (YYYY-MM-DD), optionally for one symbol. */
  earnings(from: string, to: string, symbol?: string): Promise<readonly EarningRelease[]> {
    return this.http.requestJson(
      { endpoint: E.earningsCalendar, query: { from, to, ...(symbol === undefined ? {} : { symbol }) } },
      bodyParser(earningsCalendarSchema, 'earnings calendar'),
    );
  }

  /** Returns the economic releases of one date (YYYY-MM-DD). */
  async economics(date: string): Promise<readonly EconomicEvent[]> {
    const r = await this.http.requestJson({ endpoint: E.economicCalendar, query: { date } }, bodyParser(economicsCalendarSchema, 'economic calendar'));
    return r.events;
  }
}
