import { z } from 'zod';

/**
 * `GET /v1/users/me` (aries-api.md §4.1). Only `id` is required; the profile fields are optional
 * because the client uses none of them for trading.
 */
export const userMeSchema = z.object({
  id: z.union([z.number().int(), z.string()]),
  email: z.string().optional(),
  email_verified: z.boolean().optional(),
  country: z.string().optional(),
  account_application: z
    .object({ id: z.number().optional(), status: z.string().optional(), can_submit: z.boolean().optional() })
    .nullable()
    .optional(),
  created_at: z.string().optional(),
  updated_at: z.string().optional(),
});

/** A parsed `users/me` response. */
export type UserMe = z.output<typeof userMeSchema>;
