import {
  AriesAccountStream, AriesClient, AriesHttp, AriesMarketStream, AriesSocket, FileTokenStore, TokenClient, TokenManager,
  type SocketLogger,
} from '../aries/index.js';
import { RunnerError } from '../core/index.js';
import { Rng } from '../time/index.js';

/** Where and as whom to connect. Secrets come from the environment or the token file, never flags. */
export interface AriesConnectionSettings {
  /** REST base, e.g. https://api.aries.com or the simulator's http://127.0.0.1:<port>. */
  readonly apiUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly tokenFile: string;
  /** The trading account to use; default the first the login lists. */
  readonly accountId?: string;
  readonly log: SocketLogger;
  readonly seed: number;
}

/** A logged-in Aries session: REST client, market stream and account stream on one token manager. */
export interface AriesConnection {
  readonly apiUrl: string;
  readonly accountId: string;
  readonly client: AriesClient;
  readonly tokens: TokenManager;
  readonly marketSocket: AriesSocket;
  readonly market: AriesMarketStream;
  readonly accountSocket: AriesSocket;
  readonly account: AriesAccountStream;
  close(): Promise<void>;
}

/** Returns the token's scopes as a list, split again only when a refresh changed them (asked on every call). */
export function grantedScopes(tokens: Pick<TokenManager, 'tokens'>): () => readonly string[] {
  let text: string | undefined;
  let list: readonly string[] = [];
  return () => {
    const scope = tokens.tokens?.scope ?? '';
    if (scope !== text) {
      text = scope;
      list = scope.split(/\s+/).filter((x) => x !== '');
    }
    return list;
  };
}

/**
 * Returns a connection built from the stored login: tokens from the token file (refreshed and
 * rotated by the token manager), REST with Aries's rate limits, and the two WebSockets, which
 * are created but not yet connected. Fails with `ARIES_ERR_NOT_LOGGED_IN` when no login is stored.
 */
export async function openAriesConnection(s: AriesConnectionSettings): Promise<AriesConnection> {
  const tokenClient = new TokenClient({ clientId: s.clientId, clientSecret: s.clientSecret, baseUrl: s.apiUrl });
  const tokens = new TokenManager({ refresher: tokenClient, store: new FileTokenStore(s.tokenFile), now: () => Date.now() });
  if (!(await tokens.load())) {
    throw new RunnerError('ARIES_ERR_NOT_LOGGED_IN', `no Aries login stored in ${s.tokenFile}; run \`aries-runner login\` first`);
  }
  const http = new AriesHttp({
    baseUrl: s.apiUrl,
    getAccessToken: () => tokens.accessToken(),
    onUnauthorized: async (used) => (await tokens.handleUnauthorized(used)) !== used,
    grantedScopes: grantedScopes(tokens),
  });
  const client = new AriesClient(http);
  const accountId = await client.tradingAccountId(s.accountId);
  const wsBase = s.apiUrl.replace(/^http/, 'ws');
  const socket = (path: string, name: string, seed: number): AriesSocket => new AriesSocket({
    url: `${wsBase}${path}`, name, logger: s.log, rng: new Rng(seed),
    getAccessToken: () => tokens.getAccessToken(),
    refreshAccessToken: () => tokens.getAccessToken({ forceRefresh: true }),
  });
  const marketSocket = socket('/v1/market/ws', 'market', s.seed);
  const accountSocket = socket('/v1/accounts/ws', 'account', s.seed + 1);
  const market = new AriesMarketStream(marketSocket, s.log);
  const account = new AriesAccountStream(accountSocket, s.log);
  return {
    apiUrl: s.apiUrl, accountId, client, tokens, marketSocket, market, accountSocket, account,
    async close() {
      market.dispose();
      account.dispose();
      await Promise.all([marketSocket.close(), accountSocket.close()]);
    },
  };
}
