import type { SimRoute } from '../http/sim-route.js';
import type { SimServices } from '../http/sim-services.js';
import { authorize } from './authorize-route.js';
import { tokenEndpoint } from './token-route.js';

/** Returns the OAuth routes: the authorize redirect and the JSON token endpoint (aries-api.md §2). */
export function oauthRoutes(s: SimServices): SimRoute[] {
  const auth = { category: 'auth', bearer: false, scopes: [] } as const;
  return [
    { ...auth, method: 'GET', path: '/oauth2/authorize', handle: (c) => authorize(s, c.query) },
    { ...auth, method: 'POST', path: '/v1/oauth2/token', handle: (c) => tokenEndpoint(s, c.body) },
  ];
}
