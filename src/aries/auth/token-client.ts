import { request } from 'undici';
import type { Dispatcher } from 'undici';
import { RetryClass, RunnerError } from '../../core/index.js';
import { AuthErrorCode } from './auth-error-codes.js';
import { mapOAuthError } from './oauth-error.js';
import { sharedSecretRegistry } from './secret-registry.js';
import type { SecretRegistry } from './secret-registry.js';
import { parseTokenResponse } from './token-response.js';
import type { TokenResponse } from './token-response.js';

/** The documented REST base. */
export const DEFAULT_ARIES_BASE_URL = 'https://api.aries.com';
const TOKEN_PATH = '/v1/oauth2/token';
const TIMEOUT_MS = 30_000;

/** Options for {@link TokenClient}. */
export interface TokenClientOptions {
  readonly clientId: string;
  /** Required for refresh (aries-api.md §2.2); not sent on a PKCE code exchange. */
  readonly clientSecret?: string;
  /** Defaults to {@link DEFAULT_ARIES_BASE_URL}. */
  readonly baseUrl?: string;
  /** An undici dispatcher; tests pass a MockAgent. */
  readonly dispatcher?: Dispatcher;
  /** Where every secret sent or received is registered for redaction. */
  readonly secrets?: SecretRegistry;
}

/** What a refresh needs; {@link TokenClient} implements it and tests can fake it. */
export interface TokenRefresher {
  /** Returns new tokens for the refresh token, or throws a RunnerError. */
  refresh(refreshToken: string): Promise<TokenResponse>;
}

/** The authorization-code exchange inputs. */
export interface CodeExchange {
  readonly code: string;
  readonly codeVerifier: string;
  readonly redirectUri: string;
}

/** Client for `POST {baseUrl}/v1/oauth2/token` with JSON bodies. Messages it builds never contain secrets. */
export class TokenClient implements TokenRefresher {
  readonly #options: TokenClientOptions;
  readonly #secrets: SecretRegistry;

  constructor(options: TokenClientOptions) {
    if (options.clientId === '') throw new RunnerError(AuthErrorCode.CLIENT_CREDENTIALS, 'client id is empty; set ARIES_CLIENT_ID');
    this.#options = options;
    this.#secrets = options.secrets ?? sharedSecretRegistry;
    this.#secrets.add(options.clientSecret);
  }

  /** Returns the tokens for an authorization code, proving possession with the PKCE verifier. */
  exchangeCode(exchange: CodeExchange): Promise<TokenResponse> {
    this.#secrets.add(exchange.code);
    this.#secrets.add(exchange.codeVerifier);
    return this.#post({
      grant_type: 'authorization_code',
      client_id: this.#options.clientId,
      code: exchange.code,
      code_verifier: exchange.codeVerifier,
      redirect_uri: exchange.redirectUri,
    });
  }

  /** Returns new tokens for a refresh token; the response may or may not rotate the refresh token. */
  refresh(refreshToken: string): Promise<TokenResponse> {
    const secret = this.#options.clientSecret;
    if (secret === undefined || secret === '') {
      return Promise.reject(new RunnerError(AuthErrorCode.CLIENT_CREDENTIALS, 'refresh needs the client secret; set ARIES_CLIENT_SECRET'));
    }
    this.#secrets.add(refreshToken);
    return this.#post({ grant_type: 'refresh_token', client_id: this.#options.clientId, client_secret: secret, refresh_token: refreshToken });
  }

  async #post(body: Record<string, string>): Promise<TokenResponse> {
    const url = new URL(TOKEN_PATH, this.#options.baseUrl ?? DEFAULT_ARIES_BASE_URL);
    let status: number;
    let text: string;
    try {
      const res = await request(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(body),
        headersTimeout: TIMEOUT_MS,
        bodyTimeout: TIMEOUT_MS,
        ...(this.#options.dispatcher === undefined ? {} : { dispatcher: this.#options.dispatcher }),
      });
      status = res.statusCode;
      text = await res.body.text();
    } catch (error: unknown) {
      // The cause is dropped on purpose: transport errors can carry request options.
      const why = error instanceof Error ? this.#secrets.scrub(error.message) : 'unknown error';
      throw new RunnerError(AuthErrorCode.NETWORK, `Aries token endpoint ${url.origin} unreachable: ${why}`, { retry: RetryClass.RETRYABLE });
    }
    return this.#handle(status, text);
  }

  #handle(status: number, text: string): TokenResponse {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      // JSON.parse messages quote the input, so they never reach ours.
      if (status >= 200 && status < 300) throw new RunnerError(AuthErrorCode.BAD_RESPONSE, `token endpoint returned HTTP ${status} with a non-JSON body`);
      json = undefined;
    }
    if (status < 200 || status >= 300) throw mapOAuthError(status, json, this.#secrets);
    const tokens = parseTokenResponse(json);
    this.#secrets.add(tokens.accessToken);
    this.#secrets.add(tokens.refreshToken);
    return tokens;
  }
}
