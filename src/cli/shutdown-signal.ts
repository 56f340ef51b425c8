/** Exit code of a run stopped by a second signal, as a shell reports a process killed by SIGINT. */
export const FORCED_EXIT_CODE = 130;

/** Where the shutdown messages go and how a forced exit happens (tests replace both). */
export interface ShutdownIo {
  readonly write: (text: string) => void;
  readonly exit: (code: number) => void;
}

/**
 * One run's shutdown: resolves `stopping` on the first SIGINT/SIGTERM (or on {@link request}), so
 * the run stops its strategy, cancels per config, closes the journal and its sockets and exits 0.
 * A signal received while stopping forces the exit with {@link FORCED_EXIT_CODE}, for a shutdown
 * that hangs (a broker that does not answer a cancel, a strategy stuck in `onStop`).
 */
export class ShutdownSignal {
  /** Resolves once the run should stop. */
  readonly stopping: Promise<void>;
  private resolveStopping: () => void = () => undefined;
  private stopReason: string | undefined;
  private readonly onSignal = (signal: NodeJS.Signals): void => this.signal(signal);

  constructor(private readonly io: ShutdownIo = { write: (t) => process.stderr.write(t), exit: (c) => process.exit(c) }) {
    this.stopping = new Promise((resolve) => {
      this.resolveStopping = resolve;
    });
    process.on('SIGINT', this.onSignal);
    process.on('SIGTERM', this.onSignal);
  }

  /** Returns why the run is stopping (`SIGINT`, `SIGTERM` or the reason given to {@link request}), if it is. */
  get reason(): string | undefined {
    return this.stopReason;
  }

  /** Stops the run as a first signal would (a fault the process cannot trade through). */
  request(reason: string): void {
    if (this.stopReason !== undefined) return;
    this.stopReason = reason;
    this.resolveStopping();
  }

  /** Removes the signal handlers: after this, signals have their default effect again. */
  dispose(): void {
    process.off('SIGINT', this.onSignal);
    process.off('SIGTERM', this.onSignal);
  }

  private signal(signal: NodeJS.Signals): void {
    if (this.stopReason === undefined) {
      this.io.write(`\n${signal}: stopping (strategy, open orders per run.cancelOnShutdown, journal, sockets); send it again to force exit\n`);
      this.request(signal);
      return;
    }
    this.io.write(`${signal} while stopping: forcing exit (journal writes already committed are safe)\n`);
    this.io.exit(FORCED_EXIT_CODE);
  }
}
