import type { EpochMs } from '../core/index.js';

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
  private readonly heap: QueuedTask[] = [];
  private nextSeq = 0;

  /** Returns the number of queued tasks, cancelled ones included until they are popped. */
  get size(): number {
    return this.heap.length;
  }

  /** Adds a task due at `due` and returns it (set `cancelled` to drop it). */
  push(due: EpochMs, run: (due: EpochMs) => void): QueuedTask {
    const task: QueuedTask = { due, seq: this.nextSeq++, cancelled: false, run };
    this.heap.push(task);
    this.up(this.heap.length - 1);
    return task;
  }

  /** Returns the due time of the earliest live task, or `undefined` when none is queued. */
  peekDue(): EpochMs | undefined {
    this.dropCancelled();
    return this.heap[0]?.due;
  }

  /** Removes and returns the earliest live task. */
  pop(): QueuedTask | undefined {
    this.dropCancelled();
    return this.take();
  }

  /** Empties the queue. */
  clear(): void {
    this.heap.length = 0;
  }

  private dropCancelled(): void {
    while (this.heap.length > 0 && this.heap[0]?.cancelled === true) this.take();
  }

  private take(): QueuedTask | undefined {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (heap.length > 0 && last !== undefined) {
      heap[0] = last;
      this.down(0);
    }
    return top;
  }

  private less(i: number, j: number): boolean {
    const a = this.heap[i] as QueuedTask;
    const b = this.heap[j] as QueuedTask;
    return a.due < b.due || (a.due === b.due && a.seq < b.seq);
  }

  private swap(i: number, j: number): void {
    const heap = this.heap;
    const t = heap[i] as QueuedTask;
    heap[i] = heap[j] as QueuedTask;
    heap[j] = t;
  }

  private up(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(i, parent)) return;
      this.swap(i, parent);
      i = parent;
    }
  }

  private down(i: number): void {
    const n = this.heap.length;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < n && this.less(l, m)) m = l;
      if (r < n && this.less(r, m)) m = r;
      if (m === i) return;
      this.swap(i, m);
      i = m;
    }
  }
}
