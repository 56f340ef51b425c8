import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SecretRegistry, createRedactingLogger } from '../../../src/aries/auth/index.js';
import { Capture } from './fake-auth-server.js';
import type { AuthorizeBehaviour, FakeAuthServer } from './fake-auth-server.js';
import { CANARY, startFakeServer, startLogin } from './harness.js';

let server: FakeAuthServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

const SECRETS = Object.values(CANARY);

/** Runs one login and returns everything a user or a log collector could see, plus the verifier sent. */
async function observe(behaviour: AuthorizeBehaviour, acceptedCode?: string): Promise<{ seen: string; verifier: string; tokenFile: string }> {
  server = await startFakeServer({ behaviour, ...(acceptedCode === undefined ? {} : { acceptedCode }) });
  const secrets = new SecretRegistry();
  const logs = new Capture();
  const run = startLogin(server, {}, { secrets, log: createRedactingLogger('trace', logs, secrets) });
  let failure = '';
  try {
    await run.result;
  } catch (error) {
    failure = error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error);
  }
  const page = await run.page();
  const verifier = String(server.tokenRequests[0]?.body['code_verifier'] ?? '');
  return { seen: [run.out.text, run.err.text, logs.text, failure, page.body].join('\n'), verifier, tokenFile: run.tokenFile };
}

describe('aries-runner login: canary secrets', () => {
  it('never prints the tokens, client secret, code or verifier on success, and writes them only to the token file', async () => {
    const { seen, verifier, tokenFile } = await observe({ kind: 'approve' });
    expect(verifier.length).toBeGreaterThanOrEqual(43);
    expect(seen).toContain('login complete');
    for (const secret of [...SECRETS, verifier]) expect(seen).not.toContain(secret);
    expect(readdirSync(path.dirname(tokenFile))).toEqual(['tokens.json']);
    const file = readFileSync(tokenFile, 'utf8');
    expect(file).toContain(CANARY.accessToken);
    for (const secret of [CANARY.clientSecret, CANARY.code, verifier]) expect(file).not.toContain(secret);
  });

  it('keeps the code out of the error when the token endpoint echoes it back', async () => {
    const { seen, verifier } = await observe({ kind: 'approve' }, 'another-code');
    expect(seen).toContain('invalid_grant');
    for (const secret of [...SECRETS, verifier]) expect(seen).not.toContain(secret);
  });

  it('keeps a secret out of the error when a denial description contains one', async () => {
    const { seen } = await observe({ kind: 'deny', description: `nope ${CANARY.clientSecret}` });
    expect(seen).toContain('access_denied');
    for (const secret of SECRETS) expect(seen).not.toContain(secret);
  });
});
