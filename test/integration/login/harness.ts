import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import path from 'node:path';
import { runLogin } from '../../../src/aries/login/index.js';
import type { LoginIo, LoginOptions, LoginResult } from '../../../src/aries/login/index.js';
import { tempDir } from '../../support/temp-dir.js';
import { Capture, FakeAuthServer, browse } from './fake-auth-server.js';
import type { FakeAuthServerOptions } from './fake-auth-server.js';

export const CANARY = {
  code: 'CANARY-code-7c1e94',
  accessToken: 'CANARY-access-3f9a21',
  refreshToken: 'CANARY-refresh-b58d02',
  clientSecret: 'CANARY-secret-e0a6c7',
} as const;

/** One login run against a fake server, with everything it printed. */
export interface LoginRun {
  readonly result: Promise<LoginResult>;
  readonly out: Capture;
  readonly err: Capture;
  readonly tokenFile: string;
  /** The browser step's final page, once the opener has been called. */
  page(): Promise<{ readonly status: number; readonly body: string }>;
  /** The listener's address, once it is up. */
  address(): AddressInfo;
  /** The authorize URL the opener received. */
  authorizeUrl(): string;
}

export async function startFakeServer(overrides: Partial<FakeAuthServerOptions> = {}): Promise<FakeAuthServer> {
  const server = new FakeAuthServer({ code: CANARY.code, accessToken: CANARY.accessToken, refreshToken: CANARY.refreshToken, ...overrides });
  await server.start();
  return server;
}

/** Starts a login whose "browser" is `browser` (default: follow the fake server's redirect to the listener). */
export function startLogin(
  server: FakeAuthServer,
  options: Partial<LoginOptions> = {},
  io: Partial<LoginIo> = {},
  browser: (url: string) => Promise<{ readonly status: number; readonly body: string }> = (url) => browse(url),
): LoginRun {
  const out = new Capture();
  const err = new Capture();
  const tokenFile = path.join(tempDir('aries-login-'), 'state', 'tokens.json');
  let page: Promise<{ readonly status: number; readonly body: string }> | undefined;
  let address: AddressInfo | undefined;
  let url: string | undefined;
  const result = runLogin(
    {
      port: 0,
      apiUrl: server.origin,
      authorizeUrl: `${server.origin}/oauth2/authorize`,
      env: { ARIES_CLIENT_ID: 'test-client', ARIES_CLIENT_SECRET: CANARY.clientSecret },
      tokenFile,
      ...options,
    },
    {
      out,
      err,
      openBrowser: (u) => {
        url = u;
        page = browser(u);
      },
      onListening: (a) => {
        address = a;
      },
      ...io,
    },
  );
  result.catch(() => undefined);
  return {
    result, out, err, tokenFile,
    page: () => page ?? Promise.reject(new Error('the browser was never opened')),
    address: () => address ?? assertNever('listener never started'),
    authorizeUrl: () => url ?? assertNever('browser never opened'),
  };
}

function assertNever(why: string): never {
  throw new Error(why);
}

/** Resolves true when a TCP connect to the port succeeds, false when it is refused. */
export function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
