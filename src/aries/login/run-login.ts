import type { AddressInfo } from 'node:net';
import { FileTokenStore, SecretRegistry, TokenClient, buildAuthorizeUrl, createOAuthState, createPkcePair, mergeTokens } from '../auth/index.js';
import type { PkcePair, TokenResponse } from '../auth/index.js';
import { startCallbackListener } from './callback-listener.js';
import type { CallbackListener } from './callback-listener.js';
import { DEFAULT_LOGIN_PORT, defaultRedirectUri } from './callback-plan.js';
import { resolveLoginSettings } from './login-options.js';
import type { LoginOptions, LoginSettings } from './login-options.js';
import { openInBrowser } from './open-browser.js';
import type { BrowserOpener } from './open-browser.js';

/** Somewhere text goes: a stream, or a test's collector. */
export interface TextSink {
  write(text: string): unknown;
}

/** Structured log calls the login makes; a redacting pino logger fits. Messages and fields never carry secrets. */
export interface LoginLog {
  info(fields: Record<string, unknown>, message: string): void;
}

/** The outside world of {@link runLogin}, injectable for tests. */
export interface LoginIo {
  /** Instructions and the result. */
  readonly out: TextSink;
  /** Warnings. */
  readonly err: TextSink;
  /** Default: `open` / `start` / `xdg-open`. Called once the listener is up, unless browser opening is off. */
  readonly openBrowser?: BrowserOpener;
  /** Called with the bound address once the listener is up. */
  readonly onListening?: (address: AddressInfo) => void;
  /** Progress events for a structured log; default none. */
  readonly log?: LoginLog;
  /** Where the code, verifier, client secret and tokens are registered for redaction; default a fresh registry. */
  readonly secrets?: SecretRegistry;
  /** Epoch milliseconds for token expiry times; default Date.now. */
  readonly now?: () => number;
}

/** What a successful login did. */
export interface LoginResult {
  readonly tokenFile: string;
  readonly redirectUri: string;
  /** The scopes the server granted, or the requested ones when it did not say. */
  readonly grantedScopes: readonly string[];
  /** Requested scopes the server did not grant. */
  readonly missingScopes: readonly string[];
}

interface Session {
  readonly settings: LoginSettings;
  readonly pkce: PkcePair;
  readonly state: string;
  readonly secrets: SecretRegistry;
}

function authorizeUrlFor(session: Session, redirectUri: string): string {
  const { settings, pkce, state } = session;
  return buildAuthorizeUrl({
    clientId: settings.credentials.clientId,
    redirectUri,
    scopes: settings.scopes,
    state,
    codeChallenge: pkce.codeChallenge,
    authorizeUrl: settings.authorizeUrl,
  });
}

/**
 * Runs the interactive Aries login: listens on loopback, prints (and opens) the authorize URL,
 * accepts one callback, checks `state`, exchanges the code with the PKCE verifier and stores the
 * tokens in the 0600 token file. Returns where they went and the granted scopes; the listener is
 * closed on every path. Throws a RunnerError with an actionable message on any failure, in which
 * case nothing is stored.
 */
export async function runLogin(options: LoginOptions, io: LoginIo): Promise<LoginResult> {
  const settings = resolveLoginSettings(options);
  const secrets = io.secrets ?? new SecretRegistry();
  secrets.add(settings.credentials.clientSecret);
  const pkce = await createPkcePair();
  secrets.add(pkce.codeVerifier);
  const session: Session = { settings, pkce, state: createOAuthState(), secrets };
  // Validates scopes and endpoints before a port is taken; the default URI's port is known only after binding.
  authorizeUrlFor(session, settings.plan.redirectUri ?? defaultRedirectUri(settings.plan.port || DEFAULT_LOGIN_PORT));
  const { plan } = settings;
  const listener = await startCallbackListener({ host: plan.host, port: plan.port, path: plan.path, expectedState: session.state, timeoutMs: settings.timeoutMs, secrets });
  try {
    io.onListening?.(listener.server.address() as AddressInfo);
    const redirectUri = plan.redirectUri ?? defaultRedirectUri(listener.port);
    const response = await awaitAuthorization(session, listener, redirectUri, io, options);
    return await storeTokens(settings, response, redirectUri, io);
  } finally {
    await listener.close();
  }
}

async function awaitAuthorization(
  session: Session, listener: CallbackListener, redirectUri: string, io: LoginIo, options: LoginOptions,
): Promise<TokenResponse> {
  const { settings } = session;
  const url = authorizeUrlFor(session, redirectUri);
  const wait = Math.round(settings.timeoutMs / 1000);
  io.out.write(`Open this URL in a browser to log in to Aries (waiting up to ${wait} s for ${redirectUri}):\n\n  ${url}\n\n`);
  if (settings.openBrowser) {
    try {
      (io.openBrowser ?? openInBrowser)(url);
    } catch {
      // The URL is printed above; a failed opener only means the user opens it by hand.
    }
  }
  io.log?.info({ redirectUri, listenPort: listener.port }, 'waiting for the login callback');
  const code = await listener.code;
  io.log?.info({}, 'login callback accepted; exchanging the code');
  const client = new TokenClient({
    clientId: settings.credentials.clientId,
    baseUrl: settings.apiUrl,
    secrets: session.secrets,
    ...(options.dispatcher === undefined ? {} : { dispatcher: options.dispatcher }),
  });
  return client.exchangeCode({ code, codeVerifier: session.pkce.codeVerifier, redirectUri });
}

async function storeTokens(settings: LoginSettings, response: TokenResponse, redirectUri: string, io: LoginIo): Promise<LoginResult> {
  const now = io.now ?? Date.now;
  await new FileTokenStore(settings.tokenFile).save(mergeTokens(response, undefined, now()));
  const granted = response.scope === undefined ? [...settings.scopes] : response.scope.split(/\s+/).filter((s) => s !== '');
  const missing = settings.scopes.filter((s) => !granted.includes(s));
  io.out.write(`Logged in to Aries. Tokens stored in ${settings.tokenFile} (mode 0600).\n`);
  io.out.write(`Granted scopes: ${granted.join(' ')}${response.scope === undefined ? ' (as requested; the server did not list them)' : ''}\n`);
  if (missing.length > 0) io.err.write(`warning: these requested scopes were not granted: ${missing.join(' ')}; calls needing them will fail\n`);
  io.log?.info({ tokenFile: settings.tokenFile, scopes: granted }, 'login complete');
  return { tokenFile: settings.tokenFile, redirectUri, grantedScopes: granted, missingScopes: missing };
}
