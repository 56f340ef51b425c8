/** The Aries client in core vocabulary: REST endpoints and the market and account streams. */
export { AriesClient } from './aries-client.js';
export type { OrdersPageResult, ReplaceChanges, UserProfile } from './aries-client.js';
export { AriesMarketStream } from './market-stream.js';
export { AriesAccountStream } from './account-stream.js';
export type { AccountStreamEvent } from './account-stream.js';
export { bodyParser } from './parse-body.js';
