/** The simulated venue and its pluggable fee, slippage and fill models. */
export { SimulatedVenue } from './simulated-venue.js';
export type { SimulatedVenueOptions, FillMode } from './simulated-venue.js';
export { noFees, percentFee, perShareFee, perOrderFee, feeModelFor } from './fee-model.js';
export type { FeeModel, FeeParams, FeeSpec } from './fee-model.js';
export { fixedBpsSlippage } from './slippage-model.js';
export type { SlippageModel, SlippageParams } from './slippage-model.js';
export { matchOnBar, marketableAt } from './bar-fill-rules.js';
export type { BarOrder, BarMatch, FillPoint } from './bar-fill-rules.js';
