import { z } from 'zod';
import { decimalString } from './decimal.js';
import { placeOrderRequestSchema } from './place.js';

/** `POST /v1/orders/preview` takes the same body as a place request (aries-api.md §5.2). */
export const previewOrderRequestSchema = placeOrderRequestSchema;

/**
 * The preview response (aries-api.md §5.2 plus the SDK's `optionFees`, `optionPremium`,
 * `optionRequirement`, `errors` and `warnings`). All fields are optional in the SDK.
 */
export const previewOrderResponseSchema = z.object({
  estimatedCost: decimalString.optional(),
  estimatedMargin: decimalString.optional(),
  commission: decimalString.optional(),
  fees: decimalString.optional(),
  buyingPowerImpact: decimalString.optional(),
  optionFees: decimalString.optional(),
  optionPremium: decimalString.optional(),
  optionRequirement: decimalString.optional(),
  numDayTrades: z.number().int().nonnegative().optional(),
  warnRuleId: z.string().optional(),
  errors: z.array(z.string()).nullable().optional(),
  warnings: z.array(z.string()).nullable().optional(),
});

/** A parsed preview response. */
export type PreviewOrderResponse = z.output<typeof previewOrderResponseSchema>;
