import type { SimAccountSpec, SimClientSpec } from './sim-options.js';

/** The default account: `SIM-000001` with 100 000 in cash. */
export const DEFAULT_SIM_ACCOUNTS: readonly SimAccountSpec[] = [{ id: 'SIM-000001', cash: 100_000n * 100_000_000n }];

/** The default client id. */
export const DEFAULT_SIM_CLIENT_ID = 'sim-client';
/** The default client secret (a public, simulator-only value). */
export const DEFAULT_SIM_CLIENT_SECRET = 'sim-secret';
/** The default redirect URI (the runner's loopback login callback). */
export const DEFAULT_SIM_REDIRECT_URI = 'http://127.0.0.1:8765/callback';

/** The default client registry. */
export const DEFAULT_SIM_CLIENTS: readonly SimClientSpec[] = [
  { clientId: DEFAULT_SIM_CLIENT_ID, clientSecret: DEFAULT_SIM_CLIENT_SECRET, redirectUris: [DEFAULT_SIM_REDIRECT_URI] },
];
