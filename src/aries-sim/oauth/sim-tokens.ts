import { randomBytes } from 'node:crypto';
import type { EpochMs } from '../../core/index.js';
import type { Clock } from '../../time/index.js';
import type { SimAuth, SimPrincipal } from '../sim-ports.js';

/** Token lifetimes and rotation. */
export interface SimTokenPolicy {
  readonly accessTtlMs: number;
  readonly refreshTtlMs: number;
  readonly rotate: boolean;
}

/** What a successful grant returns (the token endpoint's 200 body, before naming). */
export interface SimGrant {
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly expiresInSec: number;
  readonly refreshExpiresInSec: number;
  readonly scope: string;
}

interface RefreshRecord {
  readonly clientId: string;
  readonly accountId: string;
  readonly scopes: readonly string[];
  readonly expiresAt: EpochMs;
}

function token(kind: string): string {
  return `sim_${kind}_${randomBytes(24).toString('base64url')}`;
}

/**
 * The simulator's issued tokens: opaque random strings with expiry on the injected clock.
 * Refresh rotates by default (the old refresh token then fails with `invalid_grant`).
 */
export class SimTokens implements SimAuth {
  private readonly access = new Map<string, SimPrincipal & { readonly clientId: string }>();
  private readonly refresh = new Map<string, RefreshRecord>();

  constructor(private readonly clock: Clock, private readonly policy: SimTokenPolicy) {}

  /** Returns a new access and refresh token for a client, account and scopes. */
  issue(clientId: string, accountId: string, scopes: readonly string[], keepRefresh?: string): SimGrant {
    const now = this.clock.now();
    const accessToken = token('at');
    this.access.set(accessToken, { clientId, accountId, scopes, expiresAt: now + this.policy.accessTtlMs });
    const refreshToken = keepRefresh ?? token('rt');
    if (keepRefresh === undefined) this.refresh.set(refreshToken, { clientId, accountId, scopes, expiresAt: now + this.policy.refreshTtlMs });
    const record = this.refresh.get(refreshToken);
    return {
      accessToken, refreshToken, expiresInSec: Math.floor(this.policy.accessTtlMs / 1000),
      refreshExpiresInSec: Math.max(0, Math.floor(((record?.expiresAt ?? now) - now) / 1000)), scope: scopes.join(' '),
    };
  }

  /** Returns new tokens for a refresh token, or `undefined` (invalid_grant) when it is unknown, used, expired or another client's. */
  exchangeRefresh(refreshToken: string, clientId: string): SimGrant | undefined {
    const record = this.refresh.get(refreshToken);
    if (record === undefined || record.clientId !== clientId || record.expiresAt <= this.clock.now()) return undefined;
    if (!this.policy.rotate) return this.issue(clientId, record.accountId, record.scopes, refreshToken);
    this.refresh.delete(refreshToken);
    return this.issue(clientId, record.accountId, record.scopes);
  }

  authenticate(accessToken: string): SimPrincipal | undefined {
    const p = this.access.get(accessToken);
    if (p === undefined || p.expiresAt <= this.clock.now()) return undefined;
    return { accountId: p.accountId, scopes: p.scopes, expiresAt: p.expiresAt };
  }

  /** Expires every access token now (refresh tokens stay valid, so clients can refresh). */
  expireAll(): void {
    const now = this.clock.now();
    for (const [key, p] of this.access) this.access.set(key, { ...p, expiresAt: now });
  }
}
