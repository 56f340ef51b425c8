import type { CommissionSpec } from '../config/index.js';
import { noFees, percentFee, perOrderFee, perShareFee, type FeeModel } from '../venue/index.js';

/** Returns the fee model for a commission setting (`0.1%`, `0.005/share`, `1/order`, `0`). */
export function feeModelFor(spec: CommissionSpec): FeeModel {
  switch (spec.kind) {
    case 'none':
      return noFees();
    case 'percent':
      return percentFee(spec.rate);
    case 'per-share':
      return perShareFee(spec.amount);
    case 'per-order':
      return perOrderFee(spec.amount);
    default: {
      const never: never = spec;
      return never;
    }
  }
}
