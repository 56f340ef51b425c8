/**
 * Stable error codes thrown by the interactive login. Callers match on these, never on messages.
 * Errors the token endpoint returns keep the auth layer's `ARIES_ERR_AUTH_*` codes.
 */
export const LoginErrorCode = {
  /** The callback's `state` was missing or did not match the one sent (possible CSRF). */
  STATE: 'ARIES_ERR_LOGIN_STATE',
  /** The callback carried neither a code nor a recognisable error. */
  CALLBACK: 'ARIES_ERR_LOGIN_CALLBACK',
  /** No callback arrived before the timeout. */
  TIMEOUT: 'ARIES_ERR_LOGIN_TIMEOUT',
  /** The loopback listener could not be started. */
  LISTEN: 'ARIES_ERR_LOGIN_LISTEN',
  /** The login options were invalid. */
  OPTIONS: 'ARIES_ERR_LOGIN_OPTIONS',
} as const;
/** One of the login error codes. */
export type LoginErrorCode = (typeof LoginErrorCode)[keyof typeof LoginErrorCode];
