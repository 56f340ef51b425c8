import type { Bar } from '../../core/index.js';
import type { SimAccountFeed, SimAuth } from '../sim-ports.js';

/** Fault injection and state access for tests and the control endpoint. */
export interface SimControl {
  /** The next `count` REST calls (optionally only those under `path`) answer `status` with the error body. */
  failNext(status: 429 | 500, count: number, path?: string): void;
  /** The next order write is applied but its HTTP response is held until {@link releaseHeld} (or `ms` later). */
  delayNextOrderResponse(ms?: number): void;
  /** The next `count` order writes are applied but the connection is destroyed before any response. */
  loseNextOrderResponse(count?: number): void;
  /** Sends every held order response; returns how many there were. */
  releaseHeld(): number;
  /** Returns how many order responses are held now. */
  heldCount(): number;
  /** Expires every access token now; refresh tokens keep working. */
  expireAllTokens(): void;
  /** Rejects the next placed order with `reason`. */
  rejectNextOrder(reason: string): void;
  /** Clears every pending fault. */
  reset(): void;
  /** Feeds a bar as if it came from the bar feed (fills and chart history). */
  pushBar(bar: Bar): void;
  /** Token validation, for sockets served elsewhere. */
  readonly auth: SimAuth;
  /** The account feed, for sockets served elsewhere. */
  readonly accountFeed: SimAccountFeed;
  /** Returns the trading account ids. */
  accountIds(): readonly string[];
}
