import type { SimPrincipal } from '../sim-ports.js';
import type { ServerMessage } from './server-messages.js';

/** What a channel may do on its connection. */
export interface ChannelHost {
  send(message: ServerMessage): void;
  /** Returns the authenticated principal, or `undefined` before auth. */
  principal(): SimPrincipal | undefined;
  now(): number;
}

/** The endpoint-specific half of a connection (market or account). */
export interface Channel {
  /** Called after every successful `/auth` (the first and each re-auth). */
  onAuthenticated(): void;
  subscribe(id: string | undefined, payload: unknown): void;
  unsubscribe(id: string | undefined, payload: unknown): void;
  dispose(): void;
}
