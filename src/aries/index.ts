/**
 * The Aries adapter: the project's only door to the broker. OAuth2 and the token store (auth/),
 * the REST transport (rest/), WebSockets (ws/), wire schemas (wire/) and the client that speaks
 * core vocabulary over them (client/). The login flow lives in login/.
 */
export * from './client/index.js';
export * from './rest/index.js';
export * from './ws/index.js';
export * from './auth/index.js';
export * from './wire/index.js';
export * from './login/index.js';
export * from './execution/index.js';
