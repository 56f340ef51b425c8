import { RetryClass, RunnerError } from '../../core/index.js';
import { AuthErrorCode } from './auth-error-codes.js';
import type { SecretRegistry } from './secret-registry.js';

interface Mapping {
  readonly code: AuthErrorCode;
  readonly advice: string;
  readonly retry: RetryClass;
}

const LOGIN_AGAIN = 'log in again with `aries-runner login`';

/** The documented OAuth error codes (aries-api.md §2.2) and what the user should do about each. */
const OAUTH_ERRORS: Readonly<Record<string, Mapping>> = {
  invalid_grant: {
    code: AuthErrorCode.INVALID_GRANT,
    advice: `the authorization code or refresh token is invalid, expired or already used; ${LOGIN_AGAIN}`,
    retry: RetryClass.FATAL,
  },
  invalid_client: {
    code: AuthErrorCode.INVALID_CLIENT,
    advice: 'the client id or secret was rejected; check ARIES_CLIENT_ID and ARIES_CLIENT_SECRET (app.aries.com → Client Center → API)',
    retry: RetryClass.FATAL,
  },
  invalid_scope: {
    code: AuthErrorCode.INVALID_SCOPE,
    advice: 'a requested scope is not enabled for this app; enable it in Client Center or request fewer scopes',
    retry: RetryClass.NON_RETRYABLE,
  },
  redirect_uri_mismatch: {
    code: AuthErrorCode.REDIRECT_URI_MISMATCH,
    advice: 'the redirect URI does not exactly match one registered for the app (scheme, host, port, path and trailing slash must match)',
    retry: RetryClass.NON_RETRYABLE,
  },
  access_denied: {
    code: AuthErrorCode.ACCESS_DENIED,
    advice: `access was denied by the user or the account; ${LOGIN_AGAIN} and approve the requested scopes`,
    retry: RetryClass.NON_RETRYABLE,
  },
  invalid_request: {
    code: AuthErrorCode.INVALID_REQUEST,
    advice: 'the token request was malformed or missing a field; this is a client bug, please report it',
    retry: RetryClass.NON_RETRYABLE,
  },
  unsupported_grant_type: {
    code: AuthErrorCode.UNSUPPORTED_GRANT_TYPE,
    advice: 'the server does not accept this grant type; this is a client bug, please report it',
    retry: RetryClass.NON_RETRYABLE,
  },
};

const MAX_DESCRIPTION = 200;

function describe(description: unknown, secrets: SecretRegistry | undefined): string {
  if (typeof description !== 'string' || description === '') return '';
  const clean = description.replace(/[\u0000-\u001f\u007f]/g, ' ').slice(0, MAX_DESCRIPTION);
  return ` (server said: ${secrets === undefined ? clean : secrets.scrub(clean)})`;
}

/**
 * Returns the RunnerError for a failed token endpoint call, from the HTTP status and the parsed
 * body (`{error, error_description}` or `{error, message}`). The server's text is scrubbed of held
 * secrets and truncated before it enters the message.
 */
export function mapOAuthError(status: number, body: unknown, secrets?: SecretRegistry): RunnerError {
  const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const error = typeof record['error'] === 'string' ? record['error'] : undefined;
  const detail = describe(record['error_description'] ?? record['message'], secrets);
  const mapping = error === undefined ? undefined : OAUTH_ERRORS[error];
  if (mapping !== undefined) {
    return new RunnerError(mapping.code, `Aries token endpoint: ${error} (HTTP ${status}): ${mapping.advice}${detail}`, { retry: mapping.retry });
  }
  if (status >= 500 || status === 429) {
    return new RunnerError(AuthErrorCode.SERVER, `Aries token endpoint unavailable (HTTP ${status}); try again later${detail}`, {
      retry: RetryClass.RETRYABLE,
    });
  }
  const shown = error?.slice(0, 64);
  const named = shown === undefined ? '' : ` ${JSON.stringify(secrets === undefined ? shown : secrets.scrub(shown))}`;
  return new RunnerError(AuthErrorCode.FAILED, `Aries token endpoint failed (HTTP ${status})${named}${detail}`);
}
