import { createHash, randomBytes } from 'node:crypto';
import type { EpochMs } from '../../core/index.js';
import type { Clock } from '../../time/index.js';

/** What an authorization code was issued for. */
export interface CodeGrant {
  readonly clientId: string;
  readonly redirectUri: string;
  readonly scopes: readonly string[];
  readonly challenge: string | undefined;
  readonly challengeMethod: 'S256' | 'plain';
  readonly expiresAt: EpochMs;
}

/** Why a code exchange failed, as an OAuth error code. */
export type CodeProblem = 'invalid_grant' | 'redirect_uri_mismatch' | 'invalid_request';

/** Returns whether a PKCE verifier matches its challenge (RFC 7636 §4.6). */
export function pkceMatches(verifier: string, challenge: string, method: 'S256' | 'plain'): boolean {
  if (method === 'plain') return verifier === challenge;
  return createHash('sha256').update(verifier).digest('base64url') === challenge;
}

/** Single-use, short-lived authorization codes. */
export class AuthCodes {
  private readonly codes = new Map<string, CodeGrant>();

  constructor(private readonly clock: Clock, private readonly ttlMs: number) {}

  /** Returns a new code for the grant. */
  issue(grant: Omit<CodeGrant, 'expiresAt'>): string {
    const code = `sim_code_${randomBytes(18).toString('base64url')}`;
    this.codes.set(code, { ...grant, expiresAt: this.clock.now() + this.ttlMs });
    return code;
  }

  /**
   * Returns the grant of a code after checking client, redirect URI and PKCE, or the OAuth error.
   * The code is consumed by any attempt, so a second use always fails.
   */
  redeem(code: string, clientId: string, redirectUri: string | undefined, verifier: string | undefined): CodeGrant | CodeProblem {
    const grant = this.codes.get(code);
    this.codes.delete(code);
    if (grant === undefined || grant.clientId !== clientId || grant.expiresAt <= this.clock.now()) return 'invalid_grant';
    if (redirectUri !== grant.redirectUri) return 'redirect_uri_mismatch';
    if (grant.challenge !== undefined) {
      if (verifier === undefined) return 'invalid_request';
      if (!pkceMatches(verifier, grant.challenge, grant.challengeMethod)) return 'invalid_grant';
    }
    return grant;
  }
}
