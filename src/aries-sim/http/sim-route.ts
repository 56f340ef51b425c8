import type { SimRateCategory } from '../sim-options.js';
import type { SimPrincipal } from '../sim-ports.js';
import type { SimReply } from '../state/sim-reply.js';

/** What a route handler gets: path parameters, query, parsed body and the caller. */
export interface RouteContext {
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  readonly body: unknown;
  /** The token's principal; always set on bearer routes. */
  readonly principal: SimPrincipal | undefined;
}

/** One REST route: method, path template (`{name}` placeholders), rate category, scopes (any one suffices) and handler. */
export interface SimRoute {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  readonly path: string;
  readonly category: SimRateCategory;
  readonly scopes: readonly string[];
  readonly bearer: boolean;
  /** Place, replace and cancel: subject to the lose/delay response faults. */
  readonly orderWrite?: boolean;
  readonly handle: (ctx: RouteContext) => SimReply;
}

/** A route matched to a request path. */
export interface RouteMatch {
  readonly route: SimRoute;
  readonly params: Readonly<Record<string, string>>;
}

function matchPath(template: string, path: string): Record<string, string> | undefined {
  const want = template.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i += 1) {
    const w = want[i] ?? '';
    const g = got[i] ?? '';
    if (w.startsWith('{') && w.endsWith('}')) {
      if (g === '') return undefined;
      params[w.slice(1, -1)] = decodeURIComponent(g);
    } else if (w !== g) return undefined;
  }
  return params;
}

/**
 * Returns the route for a method and path, or `undefined`. `methodMismatch` is true when the path
 * exists under another method (the caller answers 405).
 */
export function matchRoute(routes: readonly SimRoute[], method: string, path: string): RouteMatch | { readonly methodMismatch: boolean } {
  let pathKnown = false;
  for (const route of routes) {
    const params = matchPath(route.path, path);
    if (params === undefined) continue;
    pathKnown = true;
    if (route.method === method) return { route, params };
  }
  return { methodMismatch: pathKnown };
}
