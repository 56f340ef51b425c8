import cliProgress from 'cli-progress';

/** Reports progress of a long run: a bar on an interactive terminal, nothing in CI or pipes. */
export interface Progress {
  update(done: number, total: number): void;
  stop(): void;
}

/** Returns a progress reporter suited to the terminal (a bar only when stderr is a TTY and CI is unset). */
export function createProgress(label: string): Progress {
  if (process.stderr.isTTY !== true || process.env['CI'] !== undefined) return { update: () => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar(
    { format: `${label} [{bar}] {percentage}% | {value}/{total} bars | eta {eta}s`, stream: process.stderr, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(done, total) {
      if (!started) {
        bar.start(total, done);
        started = true;
      } else {
        bar.update(done);
      }
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
