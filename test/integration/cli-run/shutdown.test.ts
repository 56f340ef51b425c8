import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readJournal, scratch, spawnRunner, summaryValue, writeConfig } from './run-rig.js';

const PROBE = path.resolve(import.meta.dirname, 'fixtures/probe-strategy.ts');
// About 80 ms of wall time per replayed session: the 400-session sample would take ~30 s, so a signal finds the run trading.
const SLOW = 300_000;

describe('aries-runner run: shutdown on SIGINT (T-27)', () => {
  it('stops the strategy, closes the journal and the sockets, prints the summary and exits 0', async () => {
    const { dir, csv } = scratch('sigint');
    const { config, journal } = writeConfig({ dir, csv, strategy: PROBE, speed: SLOW, params: { every: 3, restingAt: 2 }, cancelOnShutdown: true });
    const run = spawnRunner(['run', '--config', config, '--no-typecheck', '--progress', '0.2']);
    await run.waitForStderr(/^progress: .*\| orders ([2-9]|[1-9]\d+) \|/);
    run.child.kill('SIGINT');
    const { code } = await run.exit;

    expect(run.stderr()).toMatch(/SIGINT: stopping/);
    expect(run.stderr()).toMatch(/probe onStop ran after \d+ bars/);
    expect(code).toBe(0);
    const orders = Number(summaryValue(run.stdout(), 'Orders')?.split(' ')[0]);
    expect(orders).toBeGreaterThan(1);
    // The run stopped early: far fewer bars than the 400 sessions of the sample.
    expect(Number(summaryValue(run.stdout(), 'Bars'))).toBeLessThan(350);
    const j = readJournal(journal);
    expect(j.integrity).toBe('ok');
    expect(j.intents).toBe(orders);
    // run.cancelOnShutdown: the resting limit order was cancelled, and the cancel journaled.
    expect(j.open).toBe(0);
    expect(j.canceled).toBeGreaterThanOrEqual(1);
    // Paper mode: the broker (the embedded simulator) never saw an order.
    expect(run.stderr()).toMatch(/^broker orders: 0 /m);
  });

  it('leaves working orders alone when run.cancelOnShutdown is false', async () => {
    const { dir, csv } = scratch('sigint-keep');
    const { config, journal } = writeConfig({ dir, csv, strategy: PROBE, speed: SLOW, params: { every: 1000, restingAt: 2 } });
    const run = spawnRunner(['run', '--config', config, '--no-typecheck', '--progress', '0.2']);
    await run.waitForStderr(/^progress: .*\| orders 1 \|/);
    run.child.kill('SIGTERM');
    const { code } = await run.exit;
    expect(run.stderr()).toMatch(/SIGTERM: stopping/);
    expect(code).toBe(0);
    const j = readJournal(journal);
    expect(j.open).toBe(1);
    expect(j.canceled).toBe(0);
  });

  it('forces the exit (code 130, no summary) on a second SIGINT while the shutdown hangs', async () => {
    const { dir, csv } = scratch('sigint-twice');
    const hangFile = path.join(dir, 'release');
    const { config } = writeConfig({ dir, csv, strategy: PROBE, speed: SLOW, params: { every: 3, hangFile } });
    const run = spawnRunner(['run', '--config', config, '--no-typecheck', '--progress', '0.2']);
    await run.waitForStderr(/^progress: .*\| bars [1-9]/);
    run.child.kill('SIGINT');
    await run.waitForStderr(/probe onStop ran/);
    // onStop now blocks (a hung shutdown); the second signal is queued and handled as soon as the loop turns.
    run.child.kill('SIGINT');
    writeFileSync(hangFile, '');
    const { code } = await run.exit;
    expect(run.stderr()).toMatch(/SIGINT while stopping: forcing exit/);
    expect(code).toBe(130);
    expect(run.stdout()).not.toMatch(/^Final equity/m);
    expect(existsSync(hangFile)).toBe(true);
    // The forced exit skipped close(), yet the embedded simulator's login folder went at exit.
    expect(readdirSync(run.tmp).filter((f) => f.startsWith('aries-runner-embedded-'))).toEqual([]);
  });
});
