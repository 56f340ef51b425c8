import type { SchedulerLike } from 'rxjs';
import { RunnerError, type EpochMs } from '../core/index.js';
import type { Clock, TimerCallback } from './clock.js';
import { TimerQueue, type QueuedTask } from './timer-queue.js';
import { createVirtualScheduler } from './virtual-scheduler.js';

/**
 * A clock that moves only when told to. `advanceTo(t)` runs every timer, alert and scheduled RxJS
 * action due at or before `t`, each at its own due time, then sets the time to `t`. It refuses to
 * go backwards: that would reorder events and break determinism.
 */
export class VirtualClock implements Clock {
  readonly scheduler: SchedulerLike;
  private current: EpochMs;
  private readonly queue = new TimerQueue();
  private readonly named = new Map<string, QueuedTask>();

  constructor(startMs: EpochMs = 0) {
    this.current = startMs;
    this.scheduler = createVirtualScheduler(this.queue, () => this.current);
  }

  now(): EpochMs {
    return this.current;
  }

  /** Moves time forward to `t`, running everything due on the way. Throws `CLOCK_ERR_BACKWARDS` if `t` is in the past. */
  advanceTo(t: EpochMs): void {
    if (t < this.current) {
      throw new RunnerError('CLOCK_ERR_BACKWARDS', `virtual clock cannot go back from ${this.current} to ${t}`);
    }
    for (let due = this.queue.peekDue(); due !== undefined && due <= t; due = this.queue.peekDue()) {
      const task = this.queue.pop();
      if (task === undefined) break;
      this.current = Math.max(this.current, task.due);
      task.run(task.due);
    }
    this.current = t;
  }

  /** Returns the due time of the next scheduled task, or `undefined` when nothing is scheduled. */
  nextDue(): EpochMs | undefined {
    return this.queue.peekDue();
  }

  setTimer(name: string, intervalMs: number, callback: TimerCallback): void {
    if (!(intervalMs > 0)) throw new RunnerError('CLOCK_ERR_INTERVAL', `timer ${name}: interval must be positive`);
    this.cancel(name);
    const arm = (due: EpochMs): void => {
      this.named.set(name, this.queue.push(due, (at) => {
        arm(at + intervalMs);
        callback(at);
      }));
    };
    arm(this.current + intervalMs);
  }

  setAlert(name: string, at: EpochMs, callback: TimerCallback): void {
    this.cancel(name);
    this.named.set(name, this.queue.push(Math.max(at, this.current), (due) => {
      this.named.delete(name);
      callback(due);
    }));
  }

  cancel(name: string): void {
    const task = this.named.get(name);
    if (task !== undefined) task.cancelled = true;
    this.named.delete(name);
  }

  dispose(): void {
    this.queue.clear();
    this.named.clear();
  }
}
