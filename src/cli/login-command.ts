import type { Command } from 'commander';
import { RunnerError, isRunnerError } from '../core/index.js';
import type { LoginOptions } from '../aries/index.js';

// Shown in --help; a test checks they match the login module's defaults, which load only when login runs.
const HELP_PORT = 8765;
const HELP_SCOPES = 'account:information order:execution order:information market:information calendar:information position:information';

interface LoginFlags {
  readonly redirectUri?: string;
  readonly port?: string;
  readonly scope?: string[];
  readonly apiUrl?: string;
  readonly authorizeUrl?: string;
  readonly timeout: string;
  readonly browser: boolean;
  readonly tokenFile?: string;
}

/** Codes of errors found before anything is contacted: the user's input was wrong, so they exit 2. */
const PREFLIGHT_CODES: ReadonlySet<string> = new Set([
  'ARIES_ERR_LOGIN_OPTIONS', 'ARIES_ERR_REDIRECT_URI', 'ARIES_ERR_SCOPE', 'ARIES_ERR_CLIENT_CREDENTIALS',
]);

/** Adds `aries-runner login` to the program. */
export function addLoginCommand(program: Command): void {
  program
    .command('login')
    .summary('log in to Aries in the browser and store the tokens')
    .description(
      'Logs in to Aries with OAuth2 (authorization code + PKCE): listens on 127.0.0.1 for the redirect, prints and\n' +
        'opens the authorize URL, checks the callback, exchanges the code and stores the tokens in a 0600 file\n' +
        '(ARIES_TOKEN_FILE, default ~/.config/aries-runner/tokens.json). The client id and secret are read from\n' +
        'ARIES_CLIENT_ID and ARIES_CLIENT_SECRET, never from flags. Register the redirect URI exactly in\n' +
        `app.aries.com -> Client Center -> API (default http://127.0.0.1:${HELP_PORT}/callback).`,
    )
    .option('--redirect-uri <uri>', 'registered redirect URI: http://127.0.0.1:<port>/..., http://[::1]:<port>/..., or https://... (proxied to 127.0.0.1:--port)')
    .option('--port <n>', `loopback port for the default redirect URI (default ${HELP_PORT}; 0 = any free port, tests only)`)
    .option('--scope <scope...>', `scopes to request (default: ${HELP_SCOPES})`)
    .option('--api-url <url>', 'Aries REST base for the token endpoint (default https://api.aries.com)')
    .option('--authorize-url <url>', 'browser authorize endpoint (default https://app.aries.com/oauth2/authorize)')
    .option('--timeout <sec>', 'seconds to wait for the browser callback', '300')
    .option('--no-browser', 'do not open a browser; only print the URL (headless machines)')
    .option('--token-file <path>', 'where to store the tokens (default: ARIES_TOKEN_FILE or ~/.config/aries-runner/tokens.json)')
    .action(async (flags: LoginFlags) => {
      await loginAction(flags);
    });
}

async function loginAction(flags: LoginFlags): Promise<void> {
  const options: LoginOptions = {
    ...(flags.redirectUri === undefined ? {} : { redirectUri: flags.redirectUri }),
    ...(flags.port === undefined ? {} : { port: parsePort(flags.port) }),
    ...(flags.scope === undefined ? {} : { scopes: flags.scope.flatMap((s) => s.split(/[\s,]+/)).filter((s) => s !== '') }),
    ...(flags.apiUrl === undefined ? {} : { apiUrl: flags.apiUrl }),
    ...(flags.authorizeUrl === undefined ? {} : { authorizeUrl: flags.authorizeUrl }),
    ...(flags.tokenFile === undefined ? {} : { tokenFile: flags.tokenFile }),
    timeoutMs: parseTimeout(flags.timeout) * 1000,
    openBrowser: flags.browser,
  };
  // Loaded lazily so other commands do not pay for the network stack at start-up.
  const { runLogin } = await import('../aries/index.js');
  try {
    await runLogin(options, { out: process.stdout, err: process.stderr });
  } catch (error) {
    if (isRunnerError(error) && PREFLIGHT_CODES.has(error.code)) throw new RunnerError('CLI_ERR_USAGE', error.message);
    throw error;
  }
}

function parsePort(text: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || n > 65535) throw new RunnerError('CLI_ERR_USAGE', `--port must be an integer 0-65535, got ${text}`);
  return n;
}

function parseTimeout(text: string): number {
  const n = Number(text);
  if (!Number.isFinite(n) || n <= 0) throw new RunnerError('CLI_ERR_USAGE', `--timeout must be a positive number of seconds, got ${text}`);
  return n;
}
