import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readJournal, scratch, spawnRunner, writeConfig } from './run-rig.js';

const PROBE = path.resolve(import.meta.dirname, 'fixtures/probe-strategy.ts');
const FAST = 10_000_000;

describe('aries-runner run: strategy faults (T-21)', () => {
  it('stops on a throw in onBar with STRATEGY_ERR_HANDLER (strategy, handler, time), exit 1, journal closed, orders cancelled', async () => {
    const { dir, csv } = scratch('throw');
    const { config, journal } = writeConfig({
      dir, csv, strategy: PROBE, speed: FAST, params: { every: 5, restingAt: 2, faultAt: 12, fault: 'throw' }, cancelOnShutdown: true,
    });
    const run = spawnRunner(['run', '--config', config, '--no-typecheck', '--progress', '0']);
    const { code } = await run.exit;
    expect(code).toBe(1);
    expect(run.stderr()).toMatch(/error \[STRATEGY_ERR_HANDLER\]: strategy "probe" onBar threw at 1996-\d\d-\d\dT[\d:.]+Z: probe fault in onBar/);
    expect(run.stdout()).not.toMatch(/^Final equity/m);
    expect(run.stderr()).not.toMatch(/^progress:/m);
    // The journal was closed (checkpointed): no WAL left behind.
    expect(existsSync(`${journal}-wal`)).toBe(false);
    const j = readJournal(journal);
    expect(j.integrity).toBe('ok');
    // The resting order and the rhythm's orders up to bar 12 are journaled; the resting one was cancelled on the way out.
    expect(j.intents).toBeGreaterThanOrEqual(3);
    expect(j.open).toBe(0);
    expect(j.canceled).toBe(1);
    expect(run.stderr()).toMatch(/^broker orders: 0 /m);
  });

  it('fails safe on an unhandled promise rejection in strategy code: stops trading, flushes, exits 1 (RUN_ERR_UNHANDLED)', async () => {
    const { dir, csv } = scratch('reject');
    const { config, journal } = writeConfig({
      dir, csv, strategy: PROBE, speed: FAST, params: { every: 3, restingAt: 2, faultAt: 12, fault: 'reject' },
    });
    const run = spawnRunner(['run', '--config', config, '--no-typecheck', '--progress', '0']);
    const { code } = await run.exit;
    expect(code).toBe(1);
    expect(run.stderr()).toMatch(/unhandled promise rejection: probe async fault/);
    expect(run.stderr()).toMatch(/error \[RUN_ERR_UNHANDLED\]: unhandled promise rejection in strategy or runner code: probe async fault/);
    // It stopped near bar 12 instead of trading on through the 400 sessions.
    const stopped = /probe onStop ran after (\d+) bars/.exec(run.stderr());
    expect(stopped).not.toBeNull();
    expect(Number(stopped?.[1])).toBeLessThan(100);
    const j = readJournal(journal);
    expect(j.integrity).toBe('ok');
    // Trading every third bar through the sample would have journaled over a hundred intents.
    expect(j.intents).toBeLessThan(40);
    // run.cancelOnShutdown is false here: the resting order stays working in the journal for the next start's reconciliation.
    expect(j.open).toBeGreaterThanOrEqual(1);
    expect(j.canceled).toBe(0);
  });
});

describe('aries-runner run --mode live: confirmation', () => {
  it('exits 2 before any order without --confirm-live and without a terminal, after naming the account and URL', async () => {
    const { dir, csv } = scratch('live');
    const { config, journal } = writeConfig({ dir, csv, strategy: PROBE, speed: FAST, params: { every: 3 } });
    const run = spawnRunner(['run', '--config', config, '--mode', 'live', '--no-typecheck']);
    const { code } = await run.exit;
    expect(code).toBe(2);
    expect(run.stderr()).toMatch(/LIVE TRADING on Aries account SIM-000001 at http:\/\/127\.0\.0\.1:\d+/);
    expect(run.stderr()).toMatch(/error \[CLI_ERR_CONFIRM\]: live mode on account SIM-000001 .* needs --confirm-live/);
    expect(existsSync(journal)).toBe(false);
    expect(run.stdout()).toBe('');
    expect(run.stderr()).toMatch(/^broker orders: 0 /m);
  });

  it('warns from a watchdog thread while a strategy handler blocks the event loop, and again when it returns', async () => {
    const { dir, csv } = scratch('hang');
    const { config } = writeConfig({ dir, csv, strategy: PROBE, speed: FAST, params: { every: 1000, faultAt: 5, fault: 'hang' } });
    const run = spawnRunner(['run', '--config', config, '--no-typecheck', '--progress', '0'], { ARIES_RUNNER_STALL_MS: '300' });
    const { code } = await run.exit;
    expect(code).toBe(0);
    expect(run.stderr()).toMatch(/^watchdog: the event loop has been blocked for \d+ ms/m);
    expect(run.stderr()).toMatch(/^watchdog: the event loop is running again after \d+ ms/m);
  });
});

