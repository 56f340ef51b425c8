import { RunnerError } from '../../core/index.js';
import { checkRedirectUri } from '../auth/index.js';
import type { LoopbackHost } from './callback-listener.js';
import { LoginErrorCode } from './login-error-codes.js';

/** The fixed default port: Aries matches redirect URIs exactly, so the registered URI must not change between runs. */
export const DEFAULT_LOGIN_PORT = 8765;
/** The default callback path. */
export const DEFAULT_CALLBACK_PATH = '/callback';

/** Where the listener binds and which redirect URI the authorize request names. */
export interface CallbackPlan {
  readonly host: LoopbackHost;
  readonly port: number;
  readonly path: string;
  /** The redirect URI to send; undefined means `http://127.0.0.1:<bound port>/callback`, known only after binding. */
  readonly redirectUri: string | undefined;
}

/** Returns the default loopback redirect URI for a bound port. */
export function defaultRedirectUri(port: number): string {
  return checkRedirectUri(`http://127.0.0.1:${port}${DEFAULT_CALLBACK_PATH}`);
}

function checkPort(port: number, field: string): number {
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new RunnerError(LoginErrorCode.OPTIONS, `${field}: port must be an integer 0-65535, got ${port}`);
  }
  return port;
}

/**
 * Returns the listener plan for an optional redirect URI and port. A loopback redirect URI fixes
 * host, port and path (so `port`, when also given, must agree); an https URI is served through a
 * reverse proxy or tunnel to `127.0.0.1:<port>` on the URI's path. Throws `ARIES_ERR_REDIRECT_URI`
 * for a URI that is neither https nor loopback http.
 */
export function planCallback(redirectUri: string | undefined, port: number | undefined): CallbackPlan {
  if (port !== undefined) checkPort(port, 'port');
  if (redirectUri === undefined) {
    return { host: '127.0.0.1', port: port ?? DEFAULT_LOGIN_PORT, path: DEFAULT_CALLBACK_PATH, redirectUri: undefined };
  }
  const url = new URL(checkRedirectUri(redirectUri));
  if (url.protocol === 'https:') {
    return { host: '127.0.0.1', port: port ?? DEFAULT_LOGIN_PORT, path: url.pathname, redirectUri };
  }
  const uriPort = checkPort(Number(url.port), 'redirect URI');
  if (uriPort === 0) throw new RunnerError(LoginErrorCode.OPTIONS, 'redirect URI: port 0 cannot be registered; name the fixed port registered for the app');
  if (port !== undefined && port !== uriPort) {
    throw new RunnerError(LoginErrorCode.OPTIONS, `port ${port} disagrees with the redirect URI's port ${uriPort}; drop --port or make them match`);
  }
  return { host: url.hostname === '[::1]' ? '::1' : '127.0.0.1', port: uriPort, path: url.pathname, redirectUri };
}
