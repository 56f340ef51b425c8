import { RunnerError } from '../core/index.js';
import type { ShutdownSignal } from './shutdown-signal.js';

/**
 * Fails a run safe on an unhandled promise rejection or an uncaught exception (typically an
 * `async` strategy handler whose promise nobody awaits): instead of trading on in an unknown
 * state, or dying before the journal is closed, the run stops as on a signal and then exits 1
 * with {@link FaultGuard.fault}.
 */
export class FaultGuard {
  private first: RunnerError | undefined;
  private readonly onRejection = (reason: unknown): void => this.record('unhandled promise rejection', reason);
  private readonly onException = (error: unknown): void => this.record('uncaught exception', error);

  constructor(private readonly shutdown: ShutdownSignal, private readonly write: (text: string) => void = (t) => process.stderr.write(t)) {
    process.on('unhandledRejection', this.onRejection);
    process.on('uncaughtException', this.onException);
  }

  /** Returns the first fault caught, as `RUN_ERR_UNHANDLED`, or `undefined` when there was none. */
  get fault(): RunnerError | undefined {
    return this.first;
  }

  /** Removes the process handlers (Node's defaults apply again). */
  dispose(): void {
    process.off('unhandledRejection', this.onRejection);
    process.off('uncaughtException', this.onException);
  }

  private record(what: string, reason: unknown): void {
    const message = reason instanceof Error ? reason.message : String(reason);
    if (this.first !== undefined) {
      this.write(`another ${what} while stopping: ${message}\n`);
      return;
    }
    this.first = new RunnerError('RUN_ERR_UNHANDLED', `${what} in strategy or runner code: ${message}; the run stopped trading (journal closed)`, {
      retry: 'fatal', cause: reason,
    });
    this.write(`${what}: ${message}\n  stopping the run (strategy, open orders per run.cancelOnShutdown, journal, sockets)\n`);
    this.shutdown.request(what);
  }
}
