import { RunnerError, isRunnerError, type MaybePromise } from '../../core/index.js';
import { AuthErrorCode } from './auth-error-codes.js';
import { mergeTokens } from './merge-tokens.js';
import { sharedSecretRegistry } from './secret-registry.js';
import type { SecretRegistry } from './secret-registry.js';
import type { StoredTokens } from './stored-tokens.js';
import type { TokenRefresher } from './token-client.js';
import type { TokenResponse } from './token-response.js';
import type { TokenStore } from './token-store.js';

/** Options for {@link TokenManager}. */
export interface TokenManagerOptions {
  readonly refresher: TokenRefresher;
  readonly store: TokenStore;
  /** Epoch milliseconds; tests pass a fake clock. */
  readonly now: () => number;
  /** Refresh this many milliseconds before the access token expires. Default 60 000. */
  readonly refreshSkewMs?: number;
  /** Where held tokens are registered for redaction. */
  readonly secrets?: SecretRegistry;
  /** Called when persisting refreshed tokens fails; the tokens stay in use (a rotated refresh token is single-use). */
  readonly onPersistError?: (error: unknown) => void;
}

const LOGIN_AGAIN = 'log in again with `aries-runner login`';

/**
 * Holds the Aries tokens: refreshes proactively before expiry, runs at most one refresh at a time
 * (concurrent callers share it), adopts rotated refresh tokens, persists every change, and turns
 * `invalid_grant` into cleared credentials instead of a retry loop.
 */
export class TokenManager {
  readonly #opts: TokenManagerOptions;
  readonly #secrets: SecretRegistry;
  #tokens: StoredTokens | undefined;
  #inflight: Promise<StoredTokens> | undefined;
  /** An access token obtained because of a 401 and not yet seen working: a 401 on it is final. */
  #unproven: string | undefined;

  constructor(options: TokenManagerOptions) {
    this.#opts = options;
    this.#secrets = options.secrets ?? sharedSecretRegistry;
  }

  /** Returns whether tokens were found in the store; loads them into memory. */
  async load(): Promise<boolean> {
    const stored = await this.#opts.store.load();
    if (stored !== undefined) this.#adopt(stored);
    return stored !== undefined;
  }

  /** Returns the tokens held now, or undefined when logged out. */
  get tokens(): StoredTokens | undefined {
    return this.#tokens;
  }

  /** Adopts the tokens from a login code exchange and persists them; a persist failure is thrown. */
  async setTokens(response: TokenResponse): Promise<void> {
    this.#adopt(mergeTokens(response, undefined, this.#opts.now()));
    this.#unproven = undefined;
    if (this.#tokens !== undefined) await this.#opts.store.save(this.#tokens);
  }

  /** Returns a usable access token, refreshing first when it is due or when `forceRefresh` is set. */
  async getAccessToken(options: { readonly forceRefresh?: boolean } = {}): Promise<string> {
    const tokens = this.#require();
    if (this.#inflight !== undefined) return (await this.#inflight).accessToken;
    if (options.forceRefresh === true || this.#isDue(tokens)) {
      if (tokens.refreshToken === undefined && !this.#isExpired(tokens) && options.forceRefresh !== true) return tokens.accessToken;
      return (await this.#refresh()).accessToken;
    }
    return tokens.accessToken;
  }

  /**
   * Returns the access token itself, synchronously, when it needs no refresh and none is running
   * (the hot path of every REST call); otherwise the promise of {@link getAccessToken}, so it
   * behaves exactly like that method minus the promise hop.
   */
  accessToken(): MaybePromise<string> {
    const tokens = this.#tokens;
    if (tokens !== undefined && this.#inflight === undefined && !this.#isDue(tokens)) return tokens.accessToken;
    return this.getAccessToken();
  }

  /**
   * Returns the token to retry with after a 401 on `tokenUsed`. Refreshes only when `tokenUsed`
   * is still the current token (otherwise another caller already did); throws
   * `ARIES_ERR_UNAUTHORIZED` when the token was itself fresh from a 401 refresh.
   */
  async handleUnauthorized(tokenUsed: string): Promise<string> {
    const tokens = this.#require();
    if (this.#inflight !== undefined) return (await this.#inflight).accessToken;
    if (tokenUsed !== tokens.accessToken) return tokens.accessToken;
    if (tokenUsed === this.#unproven) {
      throw new RunnerError(AuthErrorCode.UNAUTHORIZED, `Aries rejected a freshly refreshed access token (HTTP 401); ${LOGIN_AGAIN}`);
    }
    const fresh = await this.#refresh();
    this.#unproven = fresh.accessToken;
    return fresh.accessToken;
  }

  /** Records that a request with `token` was accepted, so a later 401 on it may refresh again. */
  noteAccepted(token: string): void {
    if (token === this.#unproven) this.#unproven = undefined;
  }

  /**
   * Returns the result of `send(accessToken)`, retrying once with a refreshed token when
   * `isRejected` says the token was refused. A second refusal throws `ARIES_ERR_UNAUTHORIZED`.
   */
  async authorized<T>(send: (accessToken: string) => Promise<T>, isRejected: (result: T) => boolean): Promise<T> {
    const first = await this.getAccessToken();
    const firstResult = await send(first);
    if (!isRejected(firstResult)) {
      this.noteAccepted(first);
      return firstResult;
    }
    const second = await this.handleUnauthorized(first);
    const secondResult = await send(second);
    if (isRejected(secondResult)) {
      throw new RunnerError(AuthErrorCode.UNAUTHORIZED, `Aries rejected the request again after a token refresh (HTTP 401); ${LOGIN_AGAIN}`);
    }
    this.noteAccepted(second);
    return secondResult;
  }

  /** Forgets the tokens in memory and in the store. */
  async logout(): Promise<void> {
    this.#tokens = undefined;
    this.#unproven = undefined;
    await this.#opts.store.clear();
  }

  #require(): StoredTokens {
    if (this.#tokens === undefined) throw new RunnerError(AuthErrorCode.NOT_LOGGED_IN, `not logged in to Aries; ${LOGIN_AGAIN}`);
    return this.#tokens;
  }

  #isDue(tokens: StoredTokens): boolean {
    return tokens.expiresAt !== undefined && this.#opts.now() >= tokens.expiresAt - (this.#opts.refreshSkewMs ?? 60_000);
  }

  #isExpired(tokens: StoredTokens): boolean {
    return tokens.expiresAt !== undefined && this.#opts.now() >= tokens.expiresAt;
  }

  #adopt(tokens: StoredTokens): void {
    this.#secrets.add(tokens.accessToken);
    this.#secrets.add(tokens.refreshToken);
    this.#tokens = tokens;
  }

  #refresh(): Promise<StoredTokens> {
    this.#inflight ??= this.#doRefresh().finally(() => {
      this.#inflight = undefined;
    });
    return this.#inflight;
  }

  async #doRefresh(): Promise<StoredTokens> {
    const store = this.#opts.store;
    return store.withLock === undefined ? this.#refreshLocked() : store.withLock(() => this.#refreshLocked());
  }

  /**
   * Another runner process may have refreshed (and rotated) the tokens since we loaded them:
   * re-read the store first and adopt its newer tokens instead of spending a stale refresh token.
   */
  async #adoptNewerStored(previous: StoredTokens): Promise<StoredTokens | undefined> {
    const latest = await this.#opts.store.load().catch(() => undefined);
    if (latest === undefined || latest.accessToken === previous.accessToken) return undefined;
    this.#adopt(latest);
    return this.#isDue(latest) ? undefined : latest;
  }

  async #refreshLocked(): Promise<StoredTokens> {
    const adopted = await this.#adoptNewerStored(this.#require());
    if (adopted !== undefined) return adopted;
    const previous = this.#require();
    const refreshToken = previous.refreshToken;
    const refreshExpired = previous.refreshTokenExpiresAt !== undefined && this.#opts.now() >= previous.refreshTokenExpiresAt;
    if (refreshToken === undefined || refreshExpired) {
      throw new RunnerError(AuthErrorCode.NOT_LOGGED_IN, `the Aries session cannot be refreshed (no valid refresh token); ${LOGIN_AGAIN}`);
    }
    let response: TokenResponse;
    try {
      response = await this.#opts.refresher.refresh(refreshToken);
    } catch (error: unknown) {
      if (isRunnerError(error, AuthErrorCode.INVALID_GRANT)) await this.#dropAfterInvalidGrant();
      throw error;
    }
    // Adopt before persisting: a rotated refresh token is single-use, so losing it is worse than a stale file.
    this.#adopt(mergeTokens(response, previous, this.#opts.now()));
    const next = this.#require();
    try {
      await this.#opts.store.save(next);
    } catch (error: unknown) {
      this.#opts.onPersistError?.(error);
    }
    return next;
  }

  async #dropAfterInvalidGrant(): Promise<void> {
    this.#tokens = undefined;
    this.#unproven = undefined;
    await this.#opts.store.clear().catch((error: unknown) => this.#opts.onPersistError?.(error));
  }
}
