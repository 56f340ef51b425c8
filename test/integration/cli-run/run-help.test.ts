import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../../src/cli/main.js';

describe('aries-runner run --help', () => {
  it('documents modes, confirmation, journal, recovery, shutdown, faults, progress and exit codes', () => {
    const run = buildProgram().commands.find((c) => c.name() === 'run');
    const help = run?.helpInformation() ?? '';
    for (const needle of [
      '--mode paper', '--mode live', '--confirm-live', 'journal export', 'run.adoptBroker', 'aries-runner resume',
      'run.cancelOnShutdown', 'forces exit 130', 'STRATEGY_ERR_HANDLER', 'RUN_ERR_UNHANDLED', '--progress <seconds>', 'Exit codes',
    ]) expect(help).toContain(needle);
  });
});
