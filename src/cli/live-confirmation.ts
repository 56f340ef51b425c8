import { createInterface } from 'node:readline/promises';
import { RunnerError } from '../core/index.js';

/**
 * Says which account and base URL a live run is about to trade, then returns once the user
 * confirmed: `--confirm-live`, or the account id typed at a terminal prompt. Without either
 * (no TTY, as under a scheduler) it throws `CLI_ERR_CONFIRM` before any order exists.
 */
export async function confirmLive(accountId: string, apiUrl: string, confirmed: boolean): Promise<void> {
  process.stderr.write(`LIVE TRADING on Aries account ${accountId} at ${apiUrl}: real orders, real money.\n`);
  if (confirmed) return;
  if (process.stdin.isTTY !== true) {
    throw new RunnerError('CLI_ERR_CONFIRM', `live mode on account ${accountId} at ${apiUrl} needs --confirm-live when there is no terminal to ask; nothing was sent`);
  }
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  const answer = await rl.question(`Type the account id (${accountId}) to confirm: `);
  rl.close();
  if (answer.trim() !== accountId) throw new RunnerError('CLI_ERR_CONFIRM', 'live trading not confirmed; nothing was sent');
}
