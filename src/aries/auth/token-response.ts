import { RunnerError } from '../../core/index.js';
import { tokenResponseSchema } from '../wire/index.js';
import { AuthErrorCode } from './auth-error-codes.js';

/** A parsed token endpoint response. Lifetimes are in seconds, as on the wire. */
export interface TokenResponse {
  readonly accessToken: string;
  readonly tokenType: string;
  readonly expiresInSec?: number;
  readonly refreshToken?: string;
  readonly refreshTokenExpiresInSec?: number;
  readonly scope?: string;
}

/**
 * Returns the token response parsed from a JSON body. Throws `ARIES_ERR_AUTH_BAD_RESPONSE` naming
 * only the offending fields: the body itself holds secrets and never enters the message.
 */
export function parseTokenResponse(body: unknown): TokenResponse {
  const parsed = tokenResponseSchema.safeParse(body);
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((issue) => issue.path.join('.') || '(body)'))];
    throw new RunnerError(AuthErrorCode.BAD_RESPONSE, `token endpoint returned an unexpected body: bad field(s) ${fields.join(', ')}`);
  }
  const d = parsed.data;
  if (d.token_type !== undefined && d.token_type.toLowerCase() !== 'bearer') {
    throw new RunnerError(AuthErrorCode.BAD_RESPONSE, `token endpoint returned token_type ${JSON.stringify(d.token_type)}; only Bearer is supported`);
  }
  return {
    accessToken: d.access_token,
    tokenType: 'Bearer',
    ...(d.expires_in === undefined ? {} : { expiresInSec: d.expires_in }),
    ...(d.refresh_token === undefined ? {} : { refreshToken: d.refresh_token }),
    ...(d.refresh_token_expires_in === undefined ? {} : { refreshTokenExpiresInSec: d.refresh_token_expires_in }),
    ...(d.scope === undefined ? {} : { scope: d.scope }),
  };
}
