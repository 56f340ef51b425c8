/** The live execution adapter over Aries: places, previews, replaces and cancels, and reconciles. */
export { AriesExecution } from './aries-execution.js';
export type { AriesExecutionOptions, ExecutionClient, OrderChanges } from './aries-execution.js';
export type { AccountSnapshot } from './account-snapshot.js';
export { classifyPlaceFailure } from './place-failure.js';
export type { PlaceFailure } from './place-failure.js';
export { toOrderPreview } from './preview-mapping.js';
export { listRecentOrders } from './list-orders.js';
export type { OrderLister } from './list-orders.js';
