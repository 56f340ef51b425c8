/** The Aries WebSocket connection layer: auth, keep-alive, reconnect and resubscription (§8). */
export { AriesSocket } from './aries-socket.js';
export { Backoff } from './backoff.js';
export type { BackoffSettings } from './backoff.js';
export { parseFrame } from './frame-parser.js';
export type { ParsedFrame } from './frame-parser.js';
export type { Envelope } from './envelope.js';
export { SocketState } from './socket-events.js';
export type { SocketMessage, SocketStateEvent, SocketStats } from './socket-events.js';
export { DEFAULT_SOCKET_TIMING } from './socket-options.js';
export type { AriesSocketOptions, SocketLogger, SocketTimers, SocketTiming, TimerHandle } from './socket-options.js';
export { marketSubscription, accountSubscription } from './subscription-builders.js';
export type { SubscriptionSpec, MarketSymbolRequest } from './subscription-builders.js';
