import { z } from 'zod';

/**
 * The OAuth token response of `POST /v1/oauth2/token` (aries-api.md §2.2). Only `access_token`
 * is required: the docs say fields "may vary slightly by flow". `token_type` is matched
 * case-insensitively against `Bearer`, as the published SDK does.
 */
export const tokenResponseSchema = z.object({
  access_token: z.string().min(1),
  token_type: z
    .string()
    .refine((t) => t.toLowerCase() === 'bearer', 'token_type must be Bearer')
    .optional(),
  expires_in: z.number().int().nonnegative().optional(),
  refresh_token: z.string().min(1).optional(),
  refresh_token_expires_in: z.number().int().nonnegative().optional(),
  scope: z.string().optional(),
});

/** A parsed OAuth token response. */
export type WireTokenResponse = z.output<typeof tokenResponseSchema>;
