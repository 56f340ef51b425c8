/** The strategy API: definitions, context, parameters and the `.ts` loader. */
export { defineStrategy } from './strategy-definition.js';
export type { StrategyDefinition, DataSubscription } from './strategy-definition.js';
export type { Params, ParamValue } from './param-types.js';
export type { StrategyContext, OrderOptions, OrderRequest, StrategyPortfolio, MarketView, StrategyLog } from './strategy-context.js';
export { resolveParams } from './params.js';
export { loadStrategy, PACKAGE_ROOT } from './load-strategy.js';
export type { LoadStrategyOptions } from './load-strategy.js';
export { typecheckStrategy } from './typecheck-strategy.js';
