import type { IncomingMessage, ServerResponse } from 'node:http';
import { fail, oauthFail, type SimReply } from '../state/sim-reply.js';
import type { SimRateLimits } from './rate-limits.js';
import { readBody } from './read-body.js';
import { matchRoute, type SimRoute } from './sim-route.js';
import type { SimServices } from './sim-services.js';
import { writeReply } from './write-reply.js';

/** What the request handler works with. */
export interface RequestDeps {
  readonly services: SimServices;
  readonly routes: readonly SimRoute[];
  readonly limits: SimRateLimits;
  /** Handles `POST /__sim/faults` when the control endpoint is enabled. */
  readonly control: ((body: unknown) => SimReply) | undefined;
  /** Schedules a timed release of a delayed response (wall clock in the server, injectable in tests). */
  readonly later: (ms: number, run: () => void) => void;
}

function bearerToken(req: IncomingMessage): string | undefined {
  const m = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  return m?.[1];
}

async function bodyOf(req: IncomingMessage, route: SimRoute): Promise<{ body: unknown } | { reply: SimReply }> {
  if (req.method === 'GET') return { body: undefined };
  const read = await readBody(req);
  if (read.ok) return { body: read.value };
  return { reply: route.category === 'auth' ? oauthFail('invalid_request', read.problem) : fail(400, 'bad_request', read.problem) };
}

function deliver(deps: RequestDeps, route: SimRoute, res: ServerResponse, reply: SimReply, headers: Record<string, string>): void {
  const fault = route.orderWrite === true && reply.status === 200 ? deps.services.faults.takeOrderFault() : undefined;
  if (fault === undefined) return writeReply(res, reply, headers);
  if (fault.kind === 'lose') {
    // The order is applied; the caller never learns it (T-12: outcome unknown).
    res.socket?.destroy();
    return;
  }
  const send = (): void => writeReply(res, reply, headers);
  deps.services.faults.hold(send);
  if (fault.ms !== undefined) deps.later(fault.ms, () => deps.services.faults.releaseOne(send));
}

/** Answers one HTTP request: route, rate limit, injected faults, auth, scopes, body, handler. */
export async function handleRequest(deps: RequestDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const path = url.pathname;
  const method = req.method ?? 'GET';
  if (path === '/__sim/faults' && deps.control !== undefined && method === 'POST') {
    const read = await readBody(req);
    return writeReply(res, read.ok ? deps.control(read.value) : fail(400, 'bad_request', read.problem), {});
  }
  const token = bearerToken(req);
  const match = matchRoute(deps.routes, method, path);
  if (!('route' in match)) {
    const rl = deps.limits.check('user', token ?? `ip:${req.socket.remoteAddress ?? ''}`);
    return writeReply(res, match.methodMismatch ? fail(405, 'method_not_allowed', `${method} is not allowed on ${path}`) : fail(404, 'not_found', `no route ${path}`), rl.headers);
  }
  const route = match.route;
  const rl = deps.limits.check(route.category, route.bearer ? (token ?? 'anonymous') : `ip:${req.socket.remoteAddress ?? ''}`);
  const headers = { ...rl.headers };
  if (!rl.allowed) return writeReply(res, fail(429, 'rate_limited', 'Rate limit exceeded'), headers);
  const injected = deps.services.faults.takeStatus(path);
  if (injected !== undefined) {
    const reply = injected === 429 ? fail(429, 'rate_limited', 'Rate limit exceeded (injected)') : fail(500, 'internal_error', 'Internal server error (injected)');
    return writeReply(res, reply, injected === 429 ? { ...headers, 'retry-after': '1' } : headers);
  }
  const principal = token === undefined ? undefined : deps.services.tokens.authenticate(token);
  if (route.bearer) {
    if (principal === undefined) return writeReply(res, fail(401, 'unauthorized', 'Invalid or expired token'), headers);
    if (route.scopes.length > 0 && !route.scopes.some((sc) => principal.scopes.includes(sc))) {
      return writeReply(res, fail(403, 'forbidden', `missing scope: one of ${route.scopes.join(', ')}`), headers);
    }
  }
  const body = await bodyOf(req, route);
  if ('reply' in body) return writeReply(res, body.reply, headers);
  const reply = route.handle({ params: match.params, query: url.searchParams, body: body.body, principal });
  deliver(deps, route, res, reply, headers);
}
