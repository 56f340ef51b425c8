/** The domain vocabulary of aries-runner. Pure: imports nothing outside this folder. */
export * from './amount.js';
export * from './ids.js';
export * from './market-data.js';
export * from './order.js';
export * from './order-state.js';
export * from './fill.js';
export * from './events.js';
export * from './denial.js';
export * from './errors.js';
export * from './maybe-promise.js';
export * from './min-heap.js';
export * from './keyed-index-heap.js';
