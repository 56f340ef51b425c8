/**
 * Returns whether a response means "the access token was rejected": a 401, or a 403 whose
 * `WWW-Authenticate` says `error="invalid_token"` (RFC 6750 §3.1). A plain 403 is a missing
 * scope or permission, which a refresh cannot fix.
 */
export function isTokenRejection(status: number, wwwAuthenticate?: string | readonly string[]): boolean {
  if (status === 401) return true;
  if (status !== 403 || wwwAuthenticate === undefined) return false;
  const values = typeof wwwAuthenticate === 'string' ? [wwwAuthenticate] : wwwAuthenticate;
  return values.some((value) => /^\s*bearer\b/i.test(value) && /error\s*=\s*"?invalid_token"?/i.test(value));
}
