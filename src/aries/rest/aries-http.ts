import { isPromise, isRunnerError, type RunnerError } from '../../core/index.js';
import { badResponseError } from './bad-response.js';
import type { CallContext } from './call-context.js';
import { CategoryLimiter } from './category-limiter.js';
import { CallKind, type AriesEndpoint } from './endpoint.js';
import { resolveHttpOptions, type AriesHttpOptions, type ResolvedHttpOptions } from './http-options.js';
import { fillPath, queryString, type QueryParams } from './request-url.js';
import { retryDelayMs, type AttemptFailure } from './retry-decision.js';
import type { ResponseHeaders } from './retry-delay.js';
import { checkScope } from './scope-check.js';
import { sendOnce } from './send-once.js';
import { statusError } from './status-error.js';
import { transportError } from './transport-error.js';

/** One REST call: the endpoint, its path parameters, query and JSON body. */
export interface AriesCall {
  readonly endpoint: AriesEndpoint;
  readonly params?: Readonly<Record<string, string>>;
  readonly query?: QueryParams;
  readonly body?: unknown;
}

/** A successful (2xx) response; `body` is the parsed JSON, or null when empty. */
export interface AriesResponse {
  readonly status: number;
  readonly headers: ResponseHeaders;
  readonly body: unknown;
}

interface Prepared {
  readonly endpoint: AriesEndpoint;
  readonly path: string;
  /** The request target under the origin: base path, filled path and query. */
  readonly target: string;
  readonly body: string | undefined;
}

type Attempt = { readonly ok: true; readonly response: AriesResponse } | { readonly ok: false; readonly error: RunnerError; readonly failure: AttemptFailure };

/**
 * The Aries REST transport over undici: bearer auth with one refresh-and-retry on 401, local
 * scope checks, per-category client-side rate limits, error mapping to stable `ARIES_ERR_*`
 * codes, and bounded retries for reads only. Order writes are never retried: a failure that may
 * have reached the server is `ARIES_ERR_OUTCOME_UNKNOWN`.
 */
export class AriesHttp {
  private readonly o: ResolvedHttpOptions;
  private readonly limiter: CategoryLimiter;

  constructor(options: AriesHttpOptions) {
    this.o = resolveHttpOptions(options);
    this.limiter = new CategoryLimiter(this.o.now, this.o.sleep, options.rateBudgets);
  }

  /** Sends the call (retrying as its kind allows) and returns the 2xx response; throws a RunnerError otherwise. */
  async request(call: AriesCall): Promise<AriesResponse> {
    if (call.endpoint.bearer) checkScope(call.endpoint, this.o.grantedScopes());
    const path = fillPath(call.endpoint.path, call.params ?? {});
    const req: Prepared = {
      endpoint: call.endpoint,
      path,
      target: `${this.o.pathPrefix}${path}${queryString(call.query)}`,
      body: call.body === undefined ? undefined : JSON.stringify(call.body),
    };
    const state = { refreshed: false };
    let waited = 0;
    for (let attempt = 1; ; attempt += 1) {
      const result = await this.authorizedAttempt(req, state);
      if (result.ok) return result.response;
      const delay = retryDelayMs(result.failure, {
        callKind: req.endpoint.kind,
        retries: attempt - 1,
        now: this.o.now(),
        rng: this.o.rng,
        backoff: this.o.retry.backoff,
      });
      if (delay === undefined || attempt >= this.o.retry.maxAttempts || waited + delay > this.o.retry.maxTotalWaitMs) throw result.error;
      waited += delay;
      await this.o.sleep(delay);
    }
  }

  /** Sends the call and returns `parse(body)`; a parse failure is `ARIES_ERR_BAD_RESPONSE` (outcome unknown on order writes). */
  async requestJson<T>(call: AriesCall, parse: (body: unknown) => T): Promise<T> {
    const response = await this.request(call);
    try {
      return parse(response.body);
    } catch (err) {
      const ctx: CallContext = { method: call.endpoint.method, path: call.endpoint.path, secrets: [] };
      if (isRunnerError(err) && call.endpoint.kind !== CallKind.ORDER_WRITE) throw err;
      throw badResponseError(ctx, err instanceof Error ? err.message : 'parse failed', call.endpoint.kind, err);
    }
  }

  /**
   * Refreshes at most once per call: a 401 after a refresh is final, so there is no loop. A token
   * and a rate slot that are ready are taken without awaiting: the request is written in the same
   * turn as the call.
   */
  private async authorizedAttempt(req: Prepared, state: { refreshed: boolean }): Promise<Attempt> {
    const ready = req.endpoint.bearer ? this.o.getAccessToken() : undefined;
    const token = isPromise(ready) ? await ready : ready;
    this.o.probe?.('token');
    const first = await this.attempt(req, token);
    if (first.ok || token === undefined || state.refreshed) return first;
    if (first.failure.kind !== 'status' || first.failure.status !== 401) return first;
    state.refreshed = true;
    if (!(await this.o.onUnauthorized(token))) return first;
    return this.attempt(req, await this.o.getAccessToken());
  }

  private async attempt(req: Prepared, token: string | undefined): Promise<Attempt> {
    const slot = this.limiter.acquire(req.endpoint.category);
    if (slot !== undefined) await slot;
    this.o.probe?.('limiter');
    const ctx: CallContext = { method: req.endpoint.method, path: req.path, secrets: token === undefined ? [] : [token] };
    const kind = req.endpoint.kind;
    const headers: Record<string, string> = { accept: 'application/json' };
    if (token !== undefined) headers['authorization'] = `Bearer ${token}`;
    if (req.body !== undefined) headers['content-type'] = 'application/json';
    try {
      this.o.probe?.('send');
      const raw = await sendOnce(this.o.origin, req.target, {
        method: req.endpoint.method,
        headers,
        body: req.body,
        dispatcher: this.o.dispatcher,
        headersTimeoutMs: this.o.headersTimeoutMs,
        bodyTimeoutMs: this.o.bodyTimeoutMs,
      });
      const failure: AttemptFailure = { kind: 'status', status: raw.status, headers: raw.headers };
      if (raw.status < 200 || raw.status > 299) return { ok: false, error: statusError(ctx, raw.status, raw.text, kind), failure };
      return parseBody(raw.status, raw.headers, raw.text, ctx, kind, failure);
    } catch (err) {
      return { ok: false, error: transportError(ctx, err, kind), failure: { kind: 'transport' } };
    }
  }
}

function parseBody(status: number, headers: ResponseHeaders, text: string, ctx: CallContext, kind: CallKind, failure: AttemptFailure): Attempt {
  if (text.trim() === '') return { ok: true, response: { status, headers, body: null } };
  try {
    return { ok: true, response: { status, headers, body: JSON.parse(text) as unknown } };
  } catch (err) {
    return { ok: false, error: badResponseError(ctx, `HTTP ${status} body is not JSON`, kind, err), failure };
  }
}
