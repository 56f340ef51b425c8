import { RunnerError } from '../../core/index.js';
import { AuthErrorCode } from '../auth/index.js';
import type { SecretRegistry } from '../auth/index.js';
import { LoginErrorCode } from './login-error-codes.js';

interface Mapping {
  readonly code: string;
  readonly advice: string;
}

const RETRY = 'run `aries-runner login` again';

/** The authorization-response error codes (RFC 6749 §4.1.2.1 plus Aries's documented ones) and what to do about each. */
const CALLBACK_ERRORS: Readonly<Record<string, Mapping>> = {
  access_denied: {
    code: AuthErrorCode.ACCESS_DENIED,
    advice: `the login was not approved (cancelled, or the account refused the app); ${RETRY} and approve the requested scopes`,
  },
  invalid_scope: {
    code: AuthErrorCode.INVALID_SCOPE,
    advice: 'a requested scope is not enabled for this app; enable it in app.aries.com → Client Center → API, or pass fewer --scope values',
  },
  redirect_uri_mismatch: {
    code: AuthErrorCode.REDIRECT_URI_MISMATCH,
    advice: 'the redirect URI is not registered for this app; register it exactly (scheme, host, port, path) or pass the registered one with --redirect-uri',
  },
  unauthorized_client: {
    code: AuthErrorCode.INVALID_CLIENT,
    advice: 'this app may not use the authorization-code flow; check ARIES_CLIENT_ID and the app settings in Client Center',
  },
  invalid_client: {
    code: AuthErrorCode.INVALID_CLIENT,
    advice: 'the client id was rejected; check ARIES_CLIENT_ID',
  },
  invalid_request: {
    code: AuthErrorCode.INVALID_REQUEST,
    advice: 'the authorize request was rejected as malformed; this is a client bug, please report it',
  },
  unsupported_response_type: {
    code: AuthErrorCode.INVALID_REQUEST,
    advice: 'the server refused response_type=code; this is a client bug, please report it',
  },
  server_error: { code: AuthErrorCode.SERVER, advice: `the authorization server failed; ${RETRY} later` },
  temporarily_unavailable: { code: AuthErrorCode.SERVER, advice: `the authorization server is busy; ${RETRY} later` },
};

const MAX_TEXT = 200;

/** Keeps untrusted query text printable and short, and drops it entirely when it holds a secret. */
function clean(text: string, secrets: SecretRegistry): string {
  return secrets.scrub(text.replace(/[^\x20-\x7e]/g, ' ').slice(0, MAX_TEXT));
}

/**
 * Returns the RunnerError for an `error=…` authorization callback, with advice the user can act on.
 * The error code and description come from the query string, so they are sanitised and scrubbed.
 */
export function mapCallbackError(error: string, description: string | null, secrets: SecretRegistry): RunnerError {
  const mapping = CALLBACK_ERRORS[error];
  const detail = description === null || description === '' ? '' : ` (server said: ${clean(description, secrets)})`;
  if (mapping !== undefined) {
    return new RunnerError(mapping.code, `Aries login failed: ${error}: ${mapping.advice}${detail}`);
  }
  return new RunnerError(LoginErrorCode.CALLBACK, `Aries login failed with error ${JSON.stringify(clean(error, secrets).slice(0, 64))}; ${RETRY}${detail}`);
}
