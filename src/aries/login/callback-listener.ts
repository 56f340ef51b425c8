import { timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { RunnerError } from '../../core/index.js';
import type { SecretRegistry } from '../auth/index.js';
import { mapCallbackError } from './callback-error.js';
import { renderCallbackPage } from './callback-page.js';
import type { CallbackPageKind } from './callback-page.js';
import { LoginErrorCode } from './login-error-codes.js';

/** The loopback interfaces the listener may bind; never a wildcard address. */
export type LoopbackHost = '127.0.0.1' | '::1';

/** Options for {@link startCallbackListener}. */
export interface CallbackListenerOptions {
  readonly host: LoopbackHost;
  /** 0 picks a free port. */
  readonly port: number;
  /** The registered callback path, e.g. `/callback`; every other path gets 404. */
  readonly path: string;
  /** The `state` sent in the authorize URL. */
  readonly expectedState: string;
  /** How long to wait for the callback before failing with `ARIES_ERR_LOGIN_TIMEOUT`. */
  readonly timeoutMs: number;
  /** The received code is registered here before anything else touches it. */
  readonly secrets: SecretRegistry;
}

/** A running single-use callback listener. */
export interface CallbackListener {
  /** The underlying server, bound to {@link CallbackListenerOptions.host}. */
  readonly server: Server;
  /** The port actually bound. */
  readonly port: number;
  /** Resolves with the authorization code of the one accepted callback; rejects on a bad callback or timeout. */
  readonly code: Promise<string>;
  /** Stops listening and drops open connections; safe to call twice. */
  close(): Promise<void>;
}

const PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
  connection: 'close',
} as const;

function send(res: ServerResponse, status: number, kind: CallbackPageKind, extra: Record<string, string> = {}): void {
  res.writeHead(status, { ...PAGE_HEADERS, ...extra });
  res.end(renderCallbackPage(kind));
}

function sameState(received: string, expected: string): boolean {
  const a = Buffer.from(received, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Returns the code, or the error a callback's query parameters amount to. */
function evaluate(params: URLSearchParams, opts: CallbackListenerOptions): string | RunnerError {
  const state = params.get('state');
  const code = params.get('code');
  opts.secrets.add(code ?? undefined);
  if (state !== null && !sameState(state, opts.expectedState)) {
    return new RunnerError(LoginErrorCode.STATE, 'login callback state does not match the one sent (possible forged or stale callback); nothing was stored; run `aries-runner login` again');
  }
  const error = params.get('error');
  if (error !== null) return mapCallbackError(error, params.get('error_description'), opts.secrets);
  if (state === null) {
    return new RunnerError(LoginErrorCode.STATE, 'login callback has no state parameter (possible forged callback); nothing was stored; run `aries-runner login` again');
  }
  if (code === null || code === '') return new RunnerError(LoginErrorCode.CALLBACK, 'login callback has neither a code nor an error; run `aries-runner login` again');
  return code;
}

function listen(server: Server, host: LoopbackHost, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException): void => {
      const why = error.code === 'EADDRINUSE' ? 'the port is in use' : `cannot listen (${error.code ?? 'unknown error'})`;
      reject(new RunnerError(LoginErrorCode.LISTEN, `login listener on ${host} port ${port}: ${why}; free it or pass --port / --redirect-uri with another registered URI`));
    };
    server.once('error', onError);
    server.listen({ host, port, exclusive: true, ipv6Only: host === '::1' }, () => {
      server.off('error', onError);
      resolve();
    });
  });
}

/**
 * Starts the loopback listener for the OAuth redirect. It accepts exactly one GET on the
 * registered path: that callback settles {@link CallbackListener.code} (a code on success, an
 * error on a state mismatch, an `error=` response or a malformed query) and any later one gets
 * 400. Other paths get 404 and other methods 405 without settling, so a browser's favicon request
 * cannot end the login.
 */
export async function startCallbackListener(opts: CallbackListenerOptions): Promise<CallbackListener> {
  let settle: ((outcome: string | RunnerError) => void) | undefined;
  const code = new Promise<string>((resolve, reject) => {
    settle = (outcome) => (typeof outcome === 'string' ? resolve(outcome) : reject(outcome));
  });
  // The caller awaits `code` only after opening the browser; an early failure must not count as unhandled.
  code.catch(() => undefined);
  let settled = false;
  let timer: NodeJS.Timeout | undefined;
  const finish = (outcome: string | RunnerError): void => {
    settled = true;
    clearTimeout(timer);
    settle?.(outcome);
  };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://loopback.invalid');
    if (url.pathname !== opts.path) return send(res, 404, 'not-found');
    if (req.method !== 'GET') return send(res, 405, 'method', { allow: 'GET' });
    if (settled) return send(res, 400, 'duplicate');
    const outcome = evaluate(url.searchParams, opts);
    send(res, typeof outcome === 'string' ? 200 : 400, typeof outcome === 'string' ? 'success' : 'failed');
    finish(outcome);
  });
  await listen(server, opts.host, opts.port);
  const seconds = Math.round(opts.timeoutMs / 100) / 10;
  timer = setTimeout(() => {
    finish(new RunnerError(LoginErrorCode.TIMEOUT, `no login callback within ${seconds} s; run \`aries-runner login\` again (with --no-browser, open the printed URL yourself)`));
  }, opts.timeoutMs);
  return { server, port: (server.address() as AddressInfo).port, code, close: () => closeServer(server, () => finish(closedError())) };
}

function closedError(): RunnerError {
  return new RunnerError(LoginErrorCode.CALLBACK, 'login listener closed before a callback arrived');
}

function closeServer(server: Server, onClose: () => void): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) {
      resolve();
      return;
    }
    server.close(() => resolve());
    server.closeAllConnections();
    onClose();
  });
}
