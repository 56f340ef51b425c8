import { RunnerError } from '../../core/index.js';
import { AuthErrorCode } from './auth-error-codes.js';

/** Loopback hosts allowed over plain http (RFC 8252 §7.3); `localhost` is excluded because it can resolve elsewhere. */
const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['127.0.0.1', '[::1]']);

function refuse(uri: string, why: string): never {
  throw new RunnerError(AuthErrorCode.REDIRECT_URI, `redirect URI ${JSON.stringify(uri)} refused: ${why}`);
}

/**
 * Returns the redirect URI unchanged when it is `https://…` or `http://127.0.0.1:<port>/…` /
 * `http://[::1]:<port>/…`; otherwise throws `ARIES_ERR_REDIRECT_URI`. Plain http to any other
 * host, `localhost` included, is refused, as are fragments and embedded credentials.
 */
export function checkRedirectUri(uri: string): string {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return refuse(uri, 'not an absolute URL');
  }
  if (url.username !== '' || url.password !== '') refuse(uri, 'must not contain user info');
  if (url.hash !== '' || uri.includes('#')) refuse(uri, 'must not contain a fragment (RFC 6749 §3.1.2)');
  if (url.protocol === 'https:') {
    if (url.hostname === '') refuse(uri, 'https URI has no host');
    return uri;
  }
  if (url.protocol !== 'http:') refuse(uri, `scheme ${url.protocol} is not allowed (use https or loopback http)`);
  if (!LOOPBACK_HOSTS.has(url.hostname)) {
    refuse(uri, 'plain http is allowed only to http://127.0.0.1:<port>/ or http://[::1]:<port>/');
  }
  if (url.port === '') refuse(uri, 'loopback http URI needs an explicit port');
  return uri;
}
