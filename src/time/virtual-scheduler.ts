import { Subscription, type SchedulerAction, type SchedulerLike } from 'rxjs';
import type { EpochMs } from '../core/index.js';
import type { QueuedTask, TimerQueue } from './timer-queue.js';

type Work<T> = (this: SchedulerAction<T>, state?: T) => void;

/** An RxJS action whose work runs when a virtual clock reaches its due time. */
class VirtualAction<T> extends Subscription implements SchedulerAction<T> {
  private task: QueuedTask | undefined;

  constructor(
    private readonly queue: TimerQueue,
    private readonly now: () => EpochMs,
    private readonly work: Work<T>,
  ) {
    super(() => this.cancelTask());
  }

  schedule(state?: T, delay = 0): Subscription {
    if (this.closed) return this;
    this.cancelTask();
    this.task = this.queue.push(this.now() + Math.max(0, delay), () => {
      this.task = undefined;
      this.work.call(this, state);
    });
    return this;
  }

  private cancelTask(): void {
    if (this.task !== undefined) this.task.cancelled = true;
    this.task = undefined;
  }
}

/**
 * Returns an RxJS scheduler whose time is the virtual clock's: work scheduled with a delay runs
 * when the clock is advanced past it, in (due, insertion) order, so `bufferTime`, `debounceTime`
 * and friends behave in a backtest exactly as they would live.
 */
export function createVirtualScheduler(queue: TimerQueue, now: () => EpochMs): SchedulerLike {
  return {
    now,
    schedule<T>(work: Work<T>, delay?: number, state?: T): Subscription {
      return new VirtualAction<T>(queue, now, work).schedule(state, delay);
    },
  };
}
