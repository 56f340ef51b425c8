import { execFile, spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LOGIN_PORT, DEFAULT_LOGIN_SCOPES } from '../../../src/aries/login/index.js';
import { tempFile } from '../../support/temp-dir.js';
import { browse } from './fake-auth-server.js';
import { CANARY, startFakeServer } from './harness.js';

const run = promisify(execFile);
const BIN = path.resolve('bin/aries-runner.js');

interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

async function cli(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { env: { ...process.env, CI: 'true', ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

describe('aries-runner login (CLI)', () => {
  it('explains itself with --help, showing the real defaults and no credential flags', async () => {
    const r = await cli(['login', '--help']);
    expect(r.code).toBe(0);
    const help = r.stdout.replace(/\s+/g, ' ');
    for (const flag of ['--redirect-uri', '--port', '--scope', '--api-url', '--authorize-url', '--timeout', '--no-browser']) {
      expect(help).toContain(flag);
    }
    expect(help).toContain(DEFAULT_LOGIN_SCOPES.join(' '));
    expect(help).toContain(`http://127.0.0.1:${DEFAULT_LOGIN_PORT}/callback`);
    expect(help).toContain('ARIES_CLIENT_ID');
    expect(help).not.toMatch(/--client-(id|secret)/);
  });

  it('refuses a non-loopback http redirect URI as bad input (exit 2) without listening', async () => {
    const r = await cli(['login', '--no-browser', '--redirect-uri', 'http://example.com/cb'], { ARIES_CLIENT_ID: 'cli-test' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('refused');
    expect(r.stdout).not.toContain('Open this URL');
  });

  it('logs in end to end with --no-browser and exits 0', async () => {
    const server = await startFakeServer({ grantedScope: 'market:information' });
    const tokenFile = tempFile('aries-login-cli-', 'tokens.json');
    try {
      const args = ['login', '--no-browser', '--port', '0', '--scope', 'market:information', '--api-url', server.origin,
        '--authorize-url', `${server.origin}/oauth2/authorize`, '--token-file', tokenFile];
      const child = spawn(process.execPath, [BIN, ...args], {
        env: { ...process.env, ARIES_CLIENT_ID: 'cli-test', ARIES_CLIENT_SECRET: CANARY.clientSecret },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const url = new Promise<string>((resolve) => {
        child.stdout.on('data', (chunk: Buffer) => {
          stdout += chunk.toString();
          const match = /^ {2}(http\S+)$/m.exec(stdout);
          if (match?.[1] !== undefined) resolve(match[1]);
        });
      });
      const exit = new Promise<number | null>((resolve) => child.on('close', resolve));
      const early = exit.then((code) => Promise.reject(new Error(`login exited ${code} before printing a URL: ${stderr}`)));
      expect((await browse(await Promise.race([url, early]))).status).toBe(200);
      expect(await exit).toBe(0);
      expect(stdout).toContain(`Tokens stored in ${tokenFile}`);
      expect(stdout).toContain('Granted scopes: market:information');
      expect(statSync(tokenFile).mode & 0o777).toBe(0o600);
      for (const secret of Object.values(CANARY)) expect(stdout + stderr).not.toContain(secret);
    } finally {
      await server.stop();
    }
  });
});
