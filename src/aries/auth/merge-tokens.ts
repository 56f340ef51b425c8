import type { StoredTokens } from './stored-tokens.js';
import type { TokenResponse } from './token-response.js';

/**
 * Returns the token set after a token response at time `now`. A new refresh token replaces the
 * old one (rotation); when none arrives the previous refresh token and its expiry are kept.
 */
export function mergeTokens(response: TokenResponse, previous: StoredTokens | undefined, now: number): StoredTokens {
  const rotated = response.refreshToken !== undefined;
  const refreshToken = response.refreshToken ?? previous?.refreshToken;
  const refreshTokenExpiresAt = rotated
    ? response.refreshTokenExpiresInSec === undefined
      ? undefined
      : now + response.refreshTokenExpiresInSec * 1000
    : previous?.refreshTokenExpiresAt;
  const scope = response.scope ?? previous?.scope;
  return {
    accessToken: response.accessToken,
    tokenType: 'Bearer',
    obtainedAt: now,
    ...(response.expiresInSec === undefined ? {} : { expiresAt: now + response.expiresInSec * 1000 }),
    ...(refreshToken === undefined ? {} : { refreshToken }),
    ...(refreshTokenExpiresAt === undefined ? {} : { refreshTokenExpiresAt }),
    ...(scope === undefined ? {} : { scope }),
  };
}
