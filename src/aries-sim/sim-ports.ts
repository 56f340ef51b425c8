import type { Observable } from 'rxjs';
import type { Bar, EpochMs, Quote, Symbol, Trade } from '../core/index.js';

/**
 * The seams inside the local Aries simulator: the HTTP side (OAuth, REST, state, faults) owns
 * accounts and the simulated venue; the socket side serves the market and account WebSockets;
 * the replay feed turns bar files (or a seeded random walk) into bars, quotes and trades.
 */

/** Who an access token belongs to, as the simulator's OAuth server issued it. */
export interface SimPrincipal {
  readonly accountId: string;
  readonly scopes: readonly string[];
  /** When the token expires (simulator clock, epoch ms). */
  readonly expiresAt: EpochMs;
}

/** Validates access tokens for the sockets (implemented by the HTTP side). */
export interface SimAuth {
  /** Returns the token's principal, or `undefined` when unknown or expired. */
  authenticate(accessToken: string): SimPrincipal | undefined;
}

/** The market status the market socket pushes after auth and on every change. */
export interface SimMarketStatus {
  readonly market: 'open' | 'closed' | 'extended-hours';
  readonly ts: EpochMs;
}

/** Market data for the sockets (implemented by the replay feed). */
export interface SimMarketFeed {
  /** Quotes and trades in time order, for every symbol the feed knows. */
  readonly ticks$: Observable<Quote | Trade>;
  /** Market status changes. */
  readonly status$: Observable<SimMarketStatus>;
  /** Returns the current market status. */
  status(): SimMarketStatus;
  /** Returns the last quote of a symbol (the snapshot sent on subscribe). */
  lastQuote(symbol: Symbol): Quote | undefined;
  /** Returns the last trade of a symbol. */
  lastTrade(symbol: Symbol): Trade | undefined;
}

/** Bars for the venue: each bar is emitted at its close, after every tick inside it. */
export interface SimBarFeed {
  readonly bars$: Observable<Bar>;
}

/** One account-socket message for one account, already in Aries wire form (the `payload` of an `event` envelope). */
export interface SimAccountMessage {
  readonly accountId: string;
  /** The envelope payload, e.g. `{ action: 'update', topic: 'account.order', data: {…} }` as aries-api.md §8.4 and docs/aries-wire.md describe. */
  readonly payload: Readonly<Record<string, unknown>>;
}

/** Account data for the account socket (implemented by the HTTP side). */
export interface SimAccountFeed {
  /** Returns the snapshot sent after subscribing (wire form: balances, positions, open orders). */
  snapshot(accountId: string): Readonly<Record<string, unknown>>;
  /** Order, position and balance events in the order they happened. */
  readonly messages$: Observable<SimAccountMessage>;
}
