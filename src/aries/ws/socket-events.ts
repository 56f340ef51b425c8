/** The connection states an {@link AriesSocket} reports. */
export const SocketState = {
  CONNECTING: 'connecting',
  CONNECTED: 'connected',
  AUTHENTICATED: 'authenticated',
  STALE: 'stale',
  RECONNECTING: 'reconnecting',
  RESUBSCRIBED: 'resubscribed',
  CLOSED: 'closed',
} as const;
/** A connection state. */
export type SocketState = (typeof SocketState)[keyof typeof SocketState];

/** One connection-state change, with the details that state carries. */
export interface SocketStateEvent {
  readonly state: SocketState;
  readonly ts: number;
  /** The connection number (1 for the first connection). */
  readonly connection: number;
  /** `reconnecting`: the backoff delay chosen. */
  readonly delayMs?: number;
  /** `reconnecting`, `stale`, `authenticated` (`refresh` on a re-auth): why. */
  readonly reason?: string;
  /** `resubscribed`: how many subscribe requests were sent. */
  readonly topics?: number;
}

/**
 * One application message. `type` is the envelope type (`event`, `response`, …); `action` and
 * `eventType` are `payload.action` and `payload.type` when they are strings, so consumers can route
 * without parsing; `payload` is unvalidated.
 */
export interface SocketMessage {
  readonly type: string;
  readonly action: string | undefined;
  readonly eventType: string | undefined;
  readonly id: string | undefined;
  readonly payload: unknown;
  /** Receipt time in epoch milliseconds. */
  readonly ts: number;
}

/** Counters an {@link AriesSocket} keeps. */
export interface SocketStats {
  /** Messages handed to `messages$`. */
  readonly received: number;
  /** Lines skipped because they were not JSON or not an envelope (T-14). */
  readonly malformed: number;
  /** Connections attempted. */
  readonly connections: number;
}
