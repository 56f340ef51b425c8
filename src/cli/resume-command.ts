import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { RunnerError } from '../core/index.js';
import { Journal } from '../execution/index.js';
import { TradingStatus } from '../risk/index.js';

interface ResumeFlags {
  readonly journal: string;
  readonly reason: string;
}

/** What {@link resumeTrading} reports: the state before and after. */
export interface ResumeOutcome {
  readonly previous: { readonly status: string; readonly reason: string } | undefined;
  readonly status: TradingStatus;
}

/**
 * Sets the journal's trading state to ACTIVE with `reason` and returns the previous state.
 * Throws `CLI_ERR_JOURNAL` when the journal file does not exist (a typo must not create one).
 */
export function resumeTrading(journalPath: string, reason: string, now: () => number = () => Date.now()): ResumeOutcome {
  if (!existsSync(journalPath)) throw new RunnerError('CLI_ERR_JOURNAL', `${journalPath}: no journal there (give the --journal of the run to resume)`);
  const journal = Journal.open(journalPath, { now });
  try {
    const prev = journal.tradingState();
    journal.setTradingState(TradingStatus.ACTIVE, reason, now());
    return { previous: prev === undefined ? undefined : { status: prev.status, reason: prev.reason }, status: TradingStatus.ACTIVE };
  } finally {
    journal.close();
  }
}

/** Adds `aries-runner resume` (lift a HALTED or REDUCING kill switch in a run's journal) to the program. */
export function addResumeCommand(program: Command): void {
  program
    .command('resume')
    .summary('set a run\'s trading state back to ACTIVE after a halt')
    .description('Lifts the kill switch stored in a live or paper run\'s journal (HALTED by a loss limit or by hand) so the next `run` trades again.')
    .requiredOption('--journal <path>', 'the journal of the run to resume')
    .option('--reason <text>', 'why trading resumes (kept in the journal)', 'resumed by operator')
    .action((flags: ResumeFlags) => {
      const r = resumeTrading(flags.journal, flags.reason);
      const before = r.previous === undefined ? 'ACTIVE (no state recorded)' : `${r.previous.status}${r.previous.reason === '' ? '' : ` (${r.previous.reason})`}`;
      process.stdout.write(`trading state: ${before} -> ${r.status}: ${flags.reason}\n`);
    });
}
