import type { SimReply } from '../state/sim-reply.js';
import { oauthFail } from '../state/sim-reply.js';
import type { SimServices } from '../http/sim-services.js';
import { ALL_SCOPES } from './scopes.js';

function redirect(uri: string, params: Record<string, string>): string {
  const url = new URL(uri);
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  return url.toString();
}

function consentPage(location: string): string {
  const safe = location.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<!doctype html><html><head><meta charset="utf-8"><title>Aries simulator: authorize</title>` +
    `<meta http-equiv="refresh" content="0;url=${safe}"></head><body><h1>Aries simulator</h1>` +
    `<p>The simulator approves every request. <a id="continue" href="${safe}">Continue</a></p></body></html>`;
}

function answer(s: SimServices, location: string): SimReply {
  // Headless: a bare redirect a program can follow; otherwise a consent page that approves itself.
  return s.headless ? { status: 302, body: undefined, headers: { location } } : { status: 200, body: consentPage(location) };
}

/**
 * `GET /oauth2/authorize` (aries-api.md §2.1). An unknown client or unregistered redirect URI is
 * answered directly (redirecting there would be unsafe); every other problem goes back to the
 * redirect URI as `error=…&state=…` (RFC 6749 §4.1.2.1).
 */
export function authorize(s: SimServices, q: URLSearchParams): SimReply {
  const client = s.clients.find((c) => c.clientId === q.get('client_id'));
  if (client === undefined) return oauthFail('invalid_client', 'unknown client_id');
  const redirectUri = q.get('redirect_uri') ?? '';
  if (!client.redirectUris.includes(redirectUri)) return oauthFail('redirect_uri_mismatch', 'redirect_uri is not registered for this client');
  const state = q.get('state') ?? '';
  const back = (error: string, description: string): SimReply =>
    answer(s, redirect(redirectUri, { error, error_description: description, ...(state === '' ? {} : { state }) }));
  if (q.get('response_type') !== 'code') return back('unsupported_response_type', 'response_type must be code');
  const scopes = (q.get('scope') ?? '').split(' ').filter((x) => x !== '');
  if (scopes.length === 0) return back('invalid_request', 'scope is required');
  const allowed = client.scopes ?? ALL_SCOPES;
  if (scopes.some((x) => !allowed.includes(x))) return back('invalid_scope', 'a requested scope is not enabled for this client');
  const challenge = q.get('code_challenge') ?? undefined;
  const method = q.get('code_challenge_method') ?? 'plain';
  if (method !== 'S256' && method !== 'plain') return back('invalid_request', 'code_challenge_method must be S256 or plain');
  const code = s.codes.issue({ clientId: client.clientId, redirectUri, scopes, challenge, challengeMethod: method });
  return answer(s, redirect(redirectUri, { code, ...(state === '' ? {} : { state }) }));
}
