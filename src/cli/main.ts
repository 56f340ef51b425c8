import { Command, CommanderError } from 'commander';
import { isRunnerError } from '../core/index.js';
import { addBacktestCommand } from './backtest-command.js';
import { addSimCommand } from './sim-command.js';
import { addLoginCommand } from './login-command.js';
import { addRunCommand } from './run-command.js';
import { addJournalCommand } from './journal-command.js';
import { addReportCommand } from './report-command.js';
import { addDataCommand } from './data-command.js';
import { addResumeCommand } from './resume-command.js';

/** Error-code prefixes that mean the user's input was wrong (exit 2) rather than the run failing (exit 1). */
const INPUT_ERROR_PREFIXES = ['CLI_', 'CONFIG_', 'DATA_', 'STRATEGY_ERR_NOT_FOUND', 'STRATEGY_ERR_TYPE', 'STRATEGY_ERR_LOAD', 'STRATEGY_ERR_SHAPE', 'STRATEGY_ERR_PARAM'];

/** Returns the aries-runner command-line program. */
export function buildProgram(): Command {
  const program = new Command('aries-runner')
    .description('Backtest, paper-trade and run algorithmic trading strategies on the Aries brokerage API, with one engine.')
    .version('0.1.0')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  addBacktestCommand(program);
  addSimCommand(program);
  addLoginCommand(program);
  addRunCommand(program);
  addJournalCommand(program);
  addReportCommand(program);
  addDataCommand(program);
  addResumeCommand(program);
  return program;
}

/** Runs the CLI on `argv` and returns the exit code: 0 ok, 1 the run failed, 2 bad input. */
export async function main(argv: readonly string[]): Promise<number> {
  try {
    await buildProgram().parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (isRunnerError(error)) {
      process.stderr.write(`error [${error.code}]: ${error.message}\n`);
      return INPUT_ERROR_PREFIXES.some((p) => error.code.startsWith(p)) ? 2 : 1;
    }
    process.stderr.write(`internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 1;
  }
}

const invokedDirectly = process.argv[1] !== undefined && /aries-runner(\.js)?$|cli[\\/]main\.[jt]s$/.test(process.argv[1]);
if (invokedDirectly) process.exitCode = await main(process.argv.slice(2));
