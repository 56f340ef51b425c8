import { MinHeap, type EpochMs } from '../core/index.js';

/** One scheduled piece of work in a {@link TimerQueue}. */
export interface QueuedTask {
  due: EpochMs;
  seq: number;
  cancelled: boolean;
  readonly run: (due: EpochMs) => void;
}

/**
 * A binary min-heap of tasks ordered by (due time, insertion order), so tasks due at the same
 * instant run in the order they were scheduled: that keeps virtual-time runs deterministic.
 */
export class TimerQueue {
  private readonly heap = new MinHeap<QueuedTask>((a, b) => a.due < b.due || (a.due === b.due && a.seq < b.seq));
  private nextSeq = 0;

  /** Returns the number of queued tasks, cancelled ones included until they are popped. */
  get size(): number {
    return this.heap.size;
  }

  /** Adds a task due at `due` and returns it (set `cancelled` to drop it). */
  push(due: EpochMs, run: (due: EpochMs) => void): QueuedTask {
    const task: QueuedTask = { due, seq: this.nextSeq++, cancelled: false, run };
    this.heap.push(task);
    return task;
  }

  /** Returns the due time of the earliest live task, or `undefined` when none is queued. */
  peekDue(): EpochMs | undefined {
    this.dropCancelled();
    return this.heap.peek()?.due;
  }

  /** Removes and returns the earliest live task. */
  pop(): QueuedTask | undefined {
    this.dropCancelled();
    return this.heap.pop();
  }

  /** Empties the queue. */
  clear(): void {
    this.heap.clear();
  }

  private dropCancelled(): void {
    while (this.heap.peek()?.cancelled === true) this.heap.pop();
  }
}
