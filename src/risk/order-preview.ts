import type { Amount, MaybePromise, OrderIntent } from '../core/index.js';

/** A broker's (or the simulator's) estimate for an order, from Aries `/v1/orders/preview`. */
export type OrderPreview =
  | {
      readonly ok: true;
      readonly estimatedCost: Amount;
      readonly commission: Amount;
      readonly buyingPowerImpact: Amount;
      readonly warning?: string;
    }
  | { readonly ok: false; readonly reason: string };

/** Something that can preview an order. */
export interface OrderPreviewer {
  preview(intent: OrderIntent): MaybePromise<OrderPreview>;
}
