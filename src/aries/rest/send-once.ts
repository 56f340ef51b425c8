import { getGlobalDispatcher, type Dispatcher } from 'undici';
import type { AriesMethod } from './endpoint.js';
import type { ResponseHeaders } from './retry-delay.js';

/** A complete HTTP response with its body read as text. */
export interface RawResponse {
  readonly status: number;
  readonly headers: ResponseHeaders;
  readonly text: string;
}

/** What one HTTP exchange needs besides the URL. */
export interface SendSpec {
  readonly method: AriesMethod;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | undefined;
  readonly dispatcher: Dispatcher | undefined;
  readonly headersTimeoutMs: number;
  readonly bodyTimeoutMs: number;
}

/**
 * Sends one request with undici and reads the whole body. Returns the response whatever its
 * status; rejects with undici's own error when no complete response arrived (timeouts included).
 * `origin` and `path` go to the dispatcher as they are (undici's `request(url)` would parse the
 * URL again on every call).
 */
export async function sendOnce(origin: string, path: string, spec: SendSpec): Promise<RawResponse> {
  const response = await (spec.dispatcher ?? getGlobalDispatcher()).request({
    origin,
    path,
    method: spec.method,
    headers: spec.headers,
    body: spec.body ?? null,
    headersTimeout: spec.headersTimeoutMs,
    bodyTimeout: spec.bodyTimeoutMs,
  });
  const text = await response.body.text();
  return { status: response.statusCode, headers: response.headers, text };
}
