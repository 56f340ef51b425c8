/** Execution: the adapter port and the runner's order tracker. */
export type { ExecutionAdapter } from './execution-adapter.js';
export { OrderTracker } from './order-tracker.js';
export * from './journal/index.js';
export * from './order-manager/index.js';
