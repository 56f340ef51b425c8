import { RunnerError } from '../../core/index.js';
import { AuthErrorCode } from './auth-error-codes.js';
import { ARIES_SCOPES } from './aries-scopes.js';
import { checkRedirectUri } from './redirect-uri-policy.js';

/** The documented browser authorize endpoint. */
export const DEFAULT_AUTHORIZE_URL = 'https://app.aries.com/oauth2/authorize';

/** Inputs for {@link buildAuthorizeUrl}. */
export interface AuthorizeUrlParams {
  readonly clientId: string;
  readonly redirectUri: string;
  readonly scopes: readonly string[];
  readonly state: string;
  readonly codeChallenge: string;
  /** Defaults to {@link DEFAULT_AUTHORIZE_URL}. */
  readonly authorizeUrl?: string;
}

const KNOWN_SCOPES: ReadonlySet<string> = new Set(ARIES_SCOPES);

/**
 * Returns the browser authorize URL for the authorization-code flow with PKCE S256.
 * `response_type` is always `code`: the implicit flow (`token`) is never built (RFC 9700).
 * Throws `ARIES_ERR_REDIRECT_URI` for a disallowed redirect URI and `ARIES_ERR_SCOPE` for an unknown scope.
 */
export function buildAuthorizeUrl(params: AuthorizeUrlParams): string {
  checkRedirectUri(params.redirectUri);
  if (params.scopes.length === 0) throw new RunnerError(AuthErrorCode.SCOPE, 'scopes: at least one scope is required');
  for (const scope of params.scopes) {
    if (!KNOWN_SCOPES.has(scope)) {
      throw new RunnerError(AuthErrorCode.SCOPE, `scopes: unknown scope ${JSON.stringify(scope)}; known: ${ARIES_SCOPES.join(', ')}`);
    }
  }
  if (params.clientId === '' || params.state === '' || params.codeChallenge === '') {
    throw new RunnerError(AuthErrorCode.CLIENT_CREDENTIALS, 'authorize URL needs a client id, a state and a code challenge');
  }
  const url = new URL(params.authorizeUrl ?? DEFAULT_AUTHORIZE_URL);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', params.clientId);
  url.searchParams.set('redirect_uri', params.redirectUri);
  url.searchParams.set('scope', params.scopes.join(' '));
  url.searchParams.set('state', params.state);
  url.searchParams.set('code_challenge', params.codeChallenge);
  url.searchParams.set('code_challenge_method', 'S256');
  return url.toString();
}
