import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { tempDir } from '../../support/temp-dir.js';

const REPO = path.resolve(import.meta.dirname, '../../..');

/** A scratch folder with a short YHOO sample (the first 400 sessions). */
export function scratch(prefix: string): { dir: string; csv: string } {
  const dir = tempDir(`aries-cli-run-${prefix}-`);
  const lines = readFileSync(path.join(REPO, 'data/yhoo-1996-2014.csv'), 'utf8').split('\n').slice(0, 401);
  const csv = path.join(dir, 'yhoo.csv');
  writeFileSync(csv, `${lines.join('\n')}\n`);
  return { dir, csv };
}

/** Options of a test config: the embedded simulator replaying `csv` at `speed`. */
export interface RigConfig {
  readonly dir: string;
  readonly csv: string;
  readonly strategy: string;
  readonly speed: number;
  readonly params: Readonly<Record<string, string | number>>;
  readonly cancelOnShutdown?: boolean;
}

/** Writes a paper config for the embedded simulator and returns its path and the journal's. */
export function writeConfig(c: RigConfig): { config: string; journal: string } {
  const journal = path.join(c.dir, 'journal.db');
  const params = Object.entries(c.params).map(([k, v]) => `${k}: ${typeof v === 'string' ? JSON.stringify(v) : v}`).join(', ');
  const yaml = [
    'strategy:', `  file: ${JSON.stringify(c.strategy)}`, `  params: { ${params} }`,
    'backtest:', '  commission: 0.005/share', '  fill: next-open',
    'run:', '  mode: paper', '  bars: 1d', '  clock: auto', '  cash: 100000', `  journal: ${JSON.stringify(journal)}`,
    `  cancelOnShutdown: ${c.cancelOnShutdown === true}`,
    '  embedded:', `    data: [${JSON.stringify(c.csv)}]`, `    speed: ${c.speed}`, '    seed: 1',
    'risk:', '  maxOrderQty: 10000', '  allowedSymbols: [YHOO]', '  preview: true', '',
  ].join('\n');
  const config = path.join(c.dir, 'config.yaml');
  writeFileSync(config, yaml);
  return { config, journal };
}

/** A running `aries-runner` child with its output so far. */
export interface RunnerChild {
  readonly child: ChildProcess;
  /** The child's own TMPDIR (removed with the test's temporary folders). */
  readonly tmp: string;
  stdout(): string;
  stderr(): string;
  /** Resolves with the first stderr line matching `re` (rejects if the process exits first). */
  waitForStderr(re: RegExp): Promise<string>;
  /** Resolves with the exit code (or the signal's name) once the process exited. */
  readonly exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Spawns `node bin/aries-runner.js <args>` in the repository, stdin a pipe (no TTY). The child's TMPDIR is a
 * folder of the test's own, so whatever the runner leaves in its temp dir can be checked and is cleaned up.
 */
export function spawnRunner(args: readonly string[], env: Readonly<Record<string, string>> = {}): RunnerChild {
  const tmp = tempDir('aries-cli-run-tmp-');
  const child = spawn(process.execPath, ['bin/aries-runner.js', ...args], {
    cwd: REPO, env: { ...process.env, TMPDIR: tmp, ARIES_RUNNER_AUDIT_BROKER_ORDERS: '1', ...env }, stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  const waiters: { re: RegExp; resolve: (line: string) => void; reject: (e: Error) => void }[] = [];
  const check = (): void => {
    for (const w of [...waiters]) {
      const line = err.split('\n').find((l) => w.re.test(l));
      if (line === undefined) continue;
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve(line);
    }
  };
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => {
    err += d.toString();
    check();
  });
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('close', (code, signal) => {
      for (const w of waiters.splice(0)) w.reject(new Error(`runner exited (${code ?? signal}) before ${w.re}:\n${err}`));
      resolve({ code, signal });
    });
  });
  return {
    child, tmp, exit, stdout: () => out, stderr: () => err,
    waitForStderr: (re) => new Promise((resolve, reject) => {
      waiters.push({ re, resolve, reject });
      check();
    }),
  };
}

/** Returns a summary row's value from the run's stdout, e.g. `Orders`. */
export function summaryValue(stdout: string, key: string): string | undefined {
  const line = stdout.split('\n').find((l) => l.startsWith(`${key} `));
  return line?.slice(key.length).trim();
}

/** Opens the journal read-only and returns what the tests check: integrity, intents and open orders. */
export function readJournal(file: string): { integrity: string; intents: number; open: number; canceled: number } {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const integrity = String((db.pragma('integrity_check', { simple: true })));
    const count = (sql: string): number => Number((db.prepare(sql).get() as { n: number }).n);
    return {
      integrity,
      intents: count('SELECT COUNT(*) AS n FROM intents'),
      open: count("SELECT COUNT(*) AS n FROM orders WHERE status IN ('NEW', 'PENDING_NEW', 'PARTIALLY_FILLED')"),
      canceled: count("SELECT COUNT(*) AS n FROM orders WHERE status = 'CANCELED'"),
    };
  } finally {
    db.close();
  }
}
