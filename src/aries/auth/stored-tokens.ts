import { z } from 'zod';

/** The token set held in memory and persisted in the token file. Times are epoch milliseconds. */
export interface StoredTokens {
  readonly accessToken: string;
  readonly tokenType: 'Bearer';
  /** Absent when the server sent no `expires_in`; such a token is refreshed only after a 401. */
  readonly expiresAt?: number;
  readonly refreshToken?: string;
  readonly refreshTokenExpiresAt?: number;
  readonly scope?: string;
  readonly obtainedAt: number;
}

/** The token file's schema, version 1. */
export const StoredTokensFileSchema = z.object({
  version: z.literal(1),
  tokens: z.object({
    accessToken: z.string().min(1),
    tokenType: z.literal('Bearer'),
    expiresAt: z.number().optional(),
    refreshToken: z.string().min(1).optional(),
    refreshTokenExpiresAt: z.number().optional(),
    scope: z.string().optional(),
    obtainedAt: z.number(),
  }),
});
