import type { OrderPreview } from '../../risk/index.js';
import type { PreviewOrderResponse } from '../wire/index.js';

function joined(list: readonly string[] | null | undefined): string | undefined {
  return list === undefined || list === null || list.length === 0 ? undefined : list.join('; ');
}

/**
 * Returns the risk gate's view of an Aries preview: refused when Aries lists errors, else the
 * estimates (commission includes fees; buying-power impact falls back to the estimated cost).
 */
export function toOrderPreview(r: PreviewOrderResponse): OrderPreview {
  const errors = joined(r.errors);
  if (errors !== undefined) return { ok: false, reason: errors };
  const estimatedCost = r.estimatedCost ?? 0n;
  const warning = joined(r.warnings);
  return {
    ok: true,
    estimatedCost,
    commission: (r.commission ?? 0n) + (r.fees ?? 0n),
    buyingPowerImpact: r.buyingPowerImpact ?? estimatedCost,
    ...(warning === undefined ? {} : { warning }),
  };
}
