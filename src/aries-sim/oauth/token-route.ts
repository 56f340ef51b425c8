import { z } from 'zod';
import type { SimServices } from '../http/sim-services.js';
import { ok, oauthFail, type SimReply } from '../state/sim-reply.js';
import type { SimGrant } from './sim-tokens.js';

const tokenRequestSchema = z.object({
  grant_type: z.string().optional(),
  client_id: z.string().optional(),
  client_secret: z.string().optional(),
  code: z.string().optional(),
  code_verifier: z.string().optional(),
  redirect_uri: z.string().optional(),
  refresh_token: z.string().optional(),
});

type TokenRequest = z.output<typeof tokenRequestSchema>;

function grantBody(g: SimGrant): SimReply {
  return ok({
    access_token: g.accessToken, token_type: 'Bearer', expires_in: g.expiresInSec, refresh_token: g.refreshToken,
    refresh_token_expires_in: g.refreshExpiresInSec, scope: g.scope,
  });
}

function codeGrant(s: SimServices, r: TokenRequest, clientId: string, hasSecret: boolean): SimReply {
  if (r.code === undefined || r.code === '') return oauthFail('invalid_request', 'code is required');
  if (!hasSecret && r.code_verifier === undefined) return oauthFail('invalid_request', 'code_verifier or client_secret is required');
  const grant = s.codes.redeem(r.code, clientId, r.redirect_uri, r.code_verifier);
  if (typeof grant === 'string') {
    const why = { invalid_grant: 'the code is invalid, expired, already used or the verifier does not match', redirect_uri_mismatch: 'redirect_uri differs from the authorize request', invalid_request: 'code_verifier is required for this code' };
    return oauthFail(grant, why[grant]);
  }
  const accountId = s.broker.accountIds()[0] ?? '';
  return grantBody(s.tokens.issue(clientId, accountId, grant.scopes));
}

/**
 * `POST /v1/oauth2/token` (aries-api.md §2.2): JSON (or form) body; `authorization_code` (alias
 * `code`) with PKCE, and `refresh_token`, which needs the client secret and rotates by default.
 */
export function tokenEndpoint(s: SimServices, body: unknown): SimReply {
  const parsed = tokenRequestSchema.safeParse(body ?? {});
  if (!parsed.success) return oauthFail('invalid_request', 'the body must be a JSON object of strings');
  const r = parsed.data;
  if (r.grant_type === undefined || r.grant_type === '') return oauthFail('invalid_request', 'grant_type is required');
  const client = s.clients.find((c) => c.clientId === r.client_id);
  if (client === undefined) return oauthFail('invalid_client', 'unknown client_id');
  const hasSecret = r.client_secret !== undefined;
  if (hasSecret && r.client_secret !== client.clientSecret) return oauthFail('invalid_client', 'client authentication failed');
  switch (r.grant_type) {
    case 'authorization_code':
    case 'code':
      return codeGrant(s, r, client.clientId, hasSecret);
    case 'refresh_token': {
      if (!hasSecret) return oauthFail('invalid_client', 'client_secret is required to refresh');
      if (r.refresh_token === undefined || r.refresh_token === '') return oauthFail('invalid_request', 'refresh_token is required');
      const grant = s.tokens.exchangeRefresh(r.refresh_token, client.clientId);
      return grant === undefined ? oauthFail('invalid_grant', 'the refresh token is invalid, expired or already used') : grantBody(grant);
    }
    default:
      return oauthFail('unsupported_grant_type', 'grant_type must be authorization_code or refresh_token');
  }
}
