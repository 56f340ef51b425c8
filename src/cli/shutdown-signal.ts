/**
 * Returns a promise that resolves on the first SIGINT or SIGTERM, so a run can stop its
 * strategies, flush the journal and close its sockets. A second signal forces the exit.
 */
export function shutdownSignal(): Promise<void> {
  return new Promise((resolve) => {
    let received = 0;
    const onSignal = (signal: NodeJS.Signals): void => {
      received += 1;
      if (received === 1) {
        process.stderr.write(`\n${signal}: stopping (strategies, journal, sockets); send it again to force exit\n`);
        resolve();
      } else {
        process.stderr.write(`${signal} again: forcing exit\n`);
        process.exit(130);
      }
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}
