import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/*
 * The checkpointer's thread, as CommonJS source: its own connection to the journal runs a PASSIVE
 * checkpoint (copying committed WAL frames into the database file, with the WAL synced before and
 * the database file after, as NORMAL does; never blocking the writer) each time it is asked, and closes when told to stop, flagging `done` for
 * the waiting main thread. `state[0]` is 1 while a request is pending, so requests coalesce.
 * Errors (a busy database, a failed sync) are left for the next request or the final checkpoint
 * on close.
 */
const SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.sqlite);
const state = new Int32Array(workerData.state);
const db = new Database(workerData.path, { fileMustExist: true });
db.pragma('synchronous = NORMAL');
parentPort.on('message', (message) => {
  if (message === 'checkpoint') {
    Atomics.store(state, 0, 0);
    try { db.pragma('wal_checkpoint(PASSIVE)'); } catch {}
    return;
  }
  try { db.close(); } finally {
    Atomics.store(state, 1, 1);
    Atomics.notify(state, 1);
    parentPort.close();
  }
});
`;

/** How long {@link BackgroundCheckpointer.stop} waits for the thread to close its connection. */
const STOP_WAIT_MS = 5_000;

/**
 * Runs the journal's WAL checkpoints on a worker thread, so the fsyncs of a checkpoint never run
 * inside a commit on the trading path (the journal asks for one every few commits). The caller
 * turns SQLite's automatic checkpoints off only once this runs, and `onLost` (the thread failed
 * or exited on its own) turns them back on.
 */
export class BackgroundCheckpointer {
  private readonly worker: Worker;
  /** [0]: a checkpoint request is pending; [1]: the thread closed its connection. */
  private readonly state = new Int32Array(new SharedArrayBuffer(8));
  private stopped = false;
  private alive = true;

  constructor(path: string, onLost: () => void) {
    const sqlite = createRequire(import.meta.url).resolve('better-sqlite3');
    this.worker = new Worker(SOURCE, {
      eval: true, execArgv: [], workerData: { sqlite, path, state: this.state.buffer },
    });
    const lost = (): void => {
      if (!this.alive) return;
      this.alive = false;
      if (!this.stopped) onLost();
    };
    this.worker.once('error', lost);
    this.worker.once('exit', lost);
    // Never keeps the process alive by itself.
    this.worker.unref();
  }

  /** Asks for a checkpoint; a request already pending covers this one. */
  request(): void {
    if (this.alive && !this.stopped && Atomics.compareExchange(this.state, 0, 0, 1) === 0) this.worker.postMessage('checkpoint');
  }

  /** Stops the thread and waits (blocking, at most a few seconds) until its connection is closed. */
  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    if (!this.alive) return;
    this.worker.postMessage('stop');
    Atomics.wait(this.state, 1, 0, STOP_WAIT_MS);
  }
}
