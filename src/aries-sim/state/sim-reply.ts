/** An HTTP answer computed by the simulator, before it is written. A string body is sent as HTML. */
export interface SimReply {
  readonly status: number;
  readonly body: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

/** Returns a 200 reply. */
export function ok(body: unknown): SimReply {
  return { status: 200, body };
}

/** Returns an error reply with the REST error body `{error, message}` (aries-api.md §3.1). */
export function fail(status: number, error: string, message: string): SimReply {
  return { status, body: { error, message } };
}

/** Returns an OAuth error reply `{error, error_description}` (RFC 6749 §5.2; 401 for `invalid_client`). */
export function oauthFail(error: string, description: string): SimReply {
  return { status: error === 'invalid_client' ? 401 : 400, body: { error, error_description: description } };
}
