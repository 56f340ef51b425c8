import { RunnerError } from '../../core/index.js';
import { AuthErrorCode } from './auth-error-codes.js';

/** The registered app's credentials. */
export interface ClientCredentials {
  readonly clientId: string;
  /** Needed for refresh; a PKCE-only login works without it. */
  readonly clientSecret?: string;
}

/** Environment variables read by {@link resolveClientCredentials}. */
export const CLIENT_ID_ENV = 'ARIES_CLIENT_ID';
/** Environment variable holding the client secret. */
export const CLIENT_SECRET_ENV = 'ARIES_CLIENT_SECRET';

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

/**
 * Returns the client credentials from `ARIES_CLIENT_ID` / `ARIES_CLIENT_SECRET`, falling back to
 * the config values. There is deliberately no command-line source: argv is visible to other users
 * through `ps`. Throws `ARIES_ERR_CLIENT_CREDENTIALS` when no client id is found.
 */
export function resolveClientCredentials(
  env: NodeJS.ProcessEnv = process.env,
  config: { readonly clientId?: string; readonly clientSecret?: string } = {},
): ClientCredentials {
  const clientId = nonEmpty(env[CLIENT_ID_ENV]) ?? nonEmpty(config.clientId);
  if (clientId === undefined) {
    throw new RunnerError(AuthErrorCode.CLIENT_CREDENTIALS, `no client id: set ${CLIENT_ID_ENV} or aries.clientId in the config`);
  }
  const clientSecret = nonEmpty(env[CLIENT_SECRET_ENV]) ?? nonEmpty(config.clientSecret);
  return clientSecret === undefined ? { clientId } : { clientId, clientSecret };
}
