import type { OrderId, OrderIntent } from '../core/index.js';

/** What a strategy asked for during one handler call, processed in order after it returns. */
export type StrategyCommand =
  | { readonly kind: 'submit'; readonly intent: OrderIntent }
  | { readonly kind: 'cancel'; readonly orderId: OrderId };
