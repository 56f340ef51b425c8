/** Execution: the adapter port and the runner's order tracker. */
export type { ExecutionAdapter } from './execution-adapter.js';
export { OrderTracker } from './order-tracker.js';
