import { Worker } from 'node:worker_threads';

/** A running stall watchdog; `stop()` ends it. */
export interface StallWatchdog {
  stop(): void;
}

// The worker runs on its own thread, so it still sees time pass while strategy code blocks the main one.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { writeSync } = require('node:fs');
let last = Date.now();
let warned = false;
parentPort.on('message', () => {
  if (warned) writeSync(2, 'watchdog: the event loop is running again after ' + (Date.now() - last) + ' ms\\n');
  last = Date.now();
  warned = false;
});
setInterval(() => {
  const blocked = Date.now() - last;
  if (!warned && blocked > workerData.thresholdMs) {
    warned = true;
    writeSync(2, 'watchdog: the event loop has been blocked for ' + blocked + ' ms (a strategy handler that does not return?); ' +
      'market data and signals wait until it does\\n');
  }
}, Math.max(50, Math.floor(workerData.thresholdMs / 4)));
`;

/**
 * Starts a watchdog thread that warns on stderr when the main thread's event loop stops turning
 * for longer than `thresholdMs` — a hung strategy handler (T-21) — and again when it recovers.
 * The in-thread handler timer cannot see a handler that never returns; this can.
 */
export function startStallWatchdog(thresholdMs: number): StallWatchdog {
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { thresholdMs } });
  worker.unref();
  const beat = setInterval(() => worker.postMessage(0), Math.max(25, Math.floor(thresholdMs / 10)));
  beat.unref();
  return {
    stop() {
      clearInterval(beat);
      void worker.terminate();
    },
  };
}
