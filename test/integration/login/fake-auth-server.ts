import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the fake authorization server puts on the redirect back to the client. */
export type AuthorizeBehaviour =
  | { readonly kind: 'approve' }
  | { readonly kind: 'deny'; readonly description: string }
  | { readonly kind: 'wrong-state' };

export interface FakeAuthServerOptions {
  readonly code: string;
  /** The code the token endpoint accepts; default {@link FakeAuthServerOptions.code}. */
  readonly acceptedCode?: string;
  readonly accessToken: string;
  readonly refreshToken: string;
  /** Space-separated; omitted from the token response when undefined. */
  readonly grantedScope?: string;
  readonly behaviour?: AuthorizeBehaviour;
  /** Runs before the token endpoint answers; lets a test act while the exchange is in flight. */
  readonly beforeTokenResponse?: () => Promise<void>;
}

export interface TokenRequestRecord {
  readonly body: Record<string, unknown>;
  readonly verifierMatched: boolean;
}

/** A fake Aries authorization server on 127.0.0.1:0: /oauth2/authorize redirects, /v1/oauth2/token checks PKCE. */
export class FakeAuthServer {
  readonly tokenRequests: TokenRequestRecord[] = [];
  readonly authorizeRequests: URLSearchParams[] = [];
  #server: Server | undefined;
  #challenge: string | undefined;
  #redirectUri: string | undefined;
  readonly #opts: FakeAuthServerOptions;

  constructor(options: FakeAuthServerOptions) {
    this.#opts = options;
  }

  get origin(): string {
    const address = this.#server?.address() as AddressInfo;
    return `http://127.0.0.1:${address.port}`;
  }

  async start(): Promise<void> {
    this.#server = createServer((req, res) => void this.#handle(req, res));
    await new Promise<void>((resolve) => this.#server?.listen(0, '127.0.0.1', resolve));
  }

  async stop(): Promise<void> {
    const server = this.#server;
    if (server === undefined) return;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.origin);
    if (req.method === 'GET' && url.pathname === '/oauth2/authorize') return this.#authorize(url.searchParams, res);
    if (req.method === 'POST' && url.pathname === '/v1/oauth2/token') return this.#token(await readBody(req), res);
    res.writeHead(404).end();
  }

  #authorize(params: URLSearchParams, res: ServerResponse): void {
    this.authorizeRequests.push(params);
    const redirect = params.get('redirect_uri');
    const ok = params.get('response_type') === 'code' && params.get('code_challenge_method') === 'S256';
    if (!ok || redirect === null) {
      res.writeHead(400).end('bad authorize request');
      return;
    }
    this.#challenge = params.get('code_challenge') ?? undefined;
    this.#redirectUri = redirect;
    const back = new URL(redirect);
    const behaviour = this.#opts.behaviour ?? { kind: 'approve' };
    if (behaviour.kind === 'deny') {
      back.searchParams.set('error', 'access_denied');
      back.searchParams.set('error_description', behaviour.description);
    } else {
      back.searchParams.set('code', this.#opts.code);
    }
    back.searchParams.set('state', behaviour.kind === 'wrong-state' ? 'forged-state-value' : (params.get('state') ?? ''));
    res.writeHead(302, { location: back.toString() }).end();
  }

  async #token(text: string, res: ServerResponse): Promise<void> {
    const body = JSON.parse(text) as Record<string, unknown>;
    const verifier = typeof body['code_verifier'] === 'string' ? body['code_verifier'] : '';
    const verifierMatched = createHash('sha256').update(verifier).digest('base64url') === this.#challenge;
    this.tokenRequests.push({ body, verifierMatched });
    await this.#opts.beforeTokenResponse?.();
    const valid = body['grant_type'] === 'authorization_code' && body['code'] === (this.#opts.acceptedCode ?? this.#opts.code) && body['redirect_uri'] === this.#redirectUri;
    if (!valid || !verifierMatched) {
      json(res, 400, { error: 'invalid_grant', error_description: `code ${String(body['code'])} rejected` });
      return;
    }
    json(res, 200, {
      access_token: this.#opts.accessToken,
      token_type: 'Bearer',
      expires_in: 1800,
      refresh_token: this.#opts.refreshToken,
      refresh_token_expires_in: 2_592_000,
      ...(this.#opts.grantedScope === undefined ? {} : { scope: this.#opts.grantedScope }),
    });
  }
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** The browser step: GETs the authorize URL, follows its redirect to `rewriteOrigin` (or as given), returns the final response. */
export async function browse(authorizeUrl: string, rewriteOrigin?: string): Promise<{ readonly status: number; readonly body: string }> {
  const first = await fetch(authorizeUrl, { redirect: 'manual' });
  await first.text();
  const location = first.headers.get('location');
  if (location === null) throw new Error(`authorize answered ${first.status} without a redirect`);
  const target = new URL(location);
  const final = rewriteOrigin === undefined ? target : new URL(`${target.pathname}${target.search}`, rewriteOrigin);
  const res = await fetch(final);
  return { status: res.status, body: await res.text() };
}

/** Collects everything written to it, and can hand over the first indented URL once printed. */
export class Capture {
  text = '';
  #onWrite: (() => void) | undefined;

  write(chunk: string): boolean {
    this.text += chunk;
    this.#onWrite?.();
    return true;
  }

  /** Resolves with the first line of the form `  http…`, the printed authorize URL. */
  printedUrl(): Promise<string> {
    return new Promise((resolve) => {
      const check = (): void => {
        const match = /^ {2}(http\S+)$/m.exec(this.text);
        if (match?.[1] !== undefined) resolve(match[1]);
      };
      this.#onWrite = check;
      check();
    });
  }
}
