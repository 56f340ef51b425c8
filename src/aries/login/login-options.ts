import type { Dispatcher } from 'undici';
import { RunnerError } from '../../core/index.js';
import { DEFAULT_ARIES_BASE_URL, DEFAULT_AUTHORIZE_URL, resolveClientCredentials, resolveTokenFilePath } from '../auth/index.js';
import type { ClientCredentials } from '../auth/index.js';
import { planCallback } from './callback-plan.js';
import type { CallbackPlan } from './callback-plan.js';
import { LoginErrorCode } from './login-error-codes.js';

/** The scopes the runner needs for backtest-to-live trading (issue 3). */
export const DEFAULT_LOGIN_SCOPES = [
  'account:information',
  'order:execution',
  'order:information',
  'market:information',
  'calendar:information',
  'position:information',
] as const;

/** How long `login` waits for the browser callback by default. */
export const DEFAULT_LOGIN_TIMEOUT_MS = 300_000;

/** What `login` should do. Client id and secret are never options: they come from the environment or the config. */
export interface LoginOptions {
  /** A registered redirect URI (https or loopback http); default `http://127.0.0.1:<port>/callback`. */
  readonly redirectUri?: string;
  /** The listener port; default 8765; 0 picks a free one (tests only: it cannot be registered). */
  readonly port?: number;
  /** Default {@link DEFAULT_LOGIN_SCOPES}. */
  readonly scopes?: readonly string[];
  /** REST base for the token endpoint; default https://api.aries.com. */
  readonly apiUrl?: string;
  /** Browser authorize endpoint; default https://app.aries.com/oauth2/authorize. */
  readonly authorizeUrl?: string;
  /** Default {@link DEFAULT_LOGIN_TIMEOUT_MS}. */
  readonly timeoutMs?: number;
  /** Default true; false only prints the URL (headless machines). */
  readonly openBrowser?: boolean;
  /** Where ARIES_CLIENT_ID, ARIES_CLIENT_SECRET and ARIES_TOKEN_FILE are read; default process.env. */
  readonly env?: NodeJS.ProcessEnv;
  /** Config fallbacks for the client credentials. */
  readonly config?: { readonly clientId?: string; readonly clientSecret?: string };
  /** Token file; default from ARIES_TOKEN_FILE or ~/.config/aries-runner/tokens.json. */
  readonly tokenFile?: string;
  /** An undici dispatcher for the token request. */
  readonly dispatcher?: Dispatcher;
}

/** The login options with every default applied and checked. */
export interface LoginSettings {
  readonly credentials: ClientCredentials;
  readonly plan: CallbackPlan;
  readonly scopes: readonly string[];
  readonly apiUrl: string;
  readonly authorizeUrl: string;
  readonly timeoutMs: number;
  readonly openBrowser: boolean;
  readonly tokenFile: string;
}

const LOOPBACK_NAMES: ReadonlySet<string> = new Set(['127.0.0.1', '[::1]', 'localhost']);

/** Refuses endpoints where the code or tokens would travel in clear text over a network. */
function checkEndpoint(field: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new RunnerError(LoginErrorCode.OPTIONS, `${field}: not an absolute URL: ${JSON.stringify(value)}`);
  }
  const ok = url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_NAMES.has(url.hostname));
  if (!ok) throw new RunnerError(LoginErrorCode.OPTIONS, `${field}: must be https (plain http only to a loopback simulator), got ${url.origin}`);
  return value;
}

/** Returns the settings for a login, applying defaults; throws a RunnerError naming the bad field. */
export function resolveLoginSettings(options: LoginOptions): LoginSettings {
  const env = options.env ?? process.env;
  const timeoutMs = options.timeoutMs ?? DEFAULT_LOGIN_TIMEOUT_MS;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) throw new RunnerError(LoginErrorCode.OPTIONS, `timeout: must be a positive duration, got ${timeoutMs} ms`);
  const scopes = options.scopes ?? DEFAULT_LOGIN_SCOPES;
  if (scopes.length === 0) throw new RunnerError(LoginErrorCode.OPTIONS, 'scope: at least one scope is required');
  return {
    credentials: resolveClientCredentials(env, options.config ?? {}),
    plan: planCallback(options.redirectUri, options.port),
    scopes,
    apiUrl: checkEndpoint('api URL', options.apiUrl ?? DEFAULT_ARIES_BASE_URL),
    authorizeUrl: checkEndpoint('authorize URL', options.authorizeUrl ?? DEFAULT_AUTHORIZE_URL),
    timeoutMs,
    openBrowser: options.openBrowser ?? true,
    tokenFile: options.tokenFile ?? resolveTokenFilePath(env),
  };
}
