/** The engine: merges inputs into the strategy and routes its intents through the gate. */
export { Engine } from './engine.js';
export type { EngineOptions, EngineObserver } from './engine-options.js';
export { MarketCache } from './market-cache.js';
export type { HandlerWatchdog } from './strategy-runner.js';
