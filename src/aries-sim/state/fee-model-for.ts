import type { CommissionSpec } from '../../config/index.js';
import { noFees, percentFee, perOrderFee, perShareFee, type FeeModel } from '../../venue/index.js';

/** Returns the venue fee model for a commission setting. */
export function simFeeModel(spec: CommissionSpec | undefined): FeeModel {
  if (spec === undefined) return noFees();
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
