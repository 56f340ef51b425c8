import { asyncScheduler, type SchedulerLike } from 'rxjs';
import type { EpochMs } from '../core/index.js';
import type { Clock, TimerCallback } from './clock.js';

/** The wall clock, for paper and live runs. Timers are Node timers that never keep the process alive alone. */
export class LiveClock implements Clock {
  readonly scheduler: SchedulerLike = asyncScheduler;
  private readonly handles = new Map<string, { kind: 'interval' | 'timeout'; handle: NodeJS.Timeout }>();

  now(): EpochMs {
    return Date.now();
  }

  setTimer(name: string, intervalMs: number, callback: TimerCallback): void {
    this.cancel(name);
    let due = Date.now() + intervalMs;
    const handle = setInterval(() => {
      const at = due;
      due += intervalMs;
      callback(at);
    }, intervalMs);
    handle.unref();
    this.handles.set(name, { kind: 'interval', handle });
  }

  setAlert(name: string, at: EpochMs, callback: TimerCallback): void {
    this.cancel(name);
    const handle = setTimeout(() => {
      this.handles.delete(name);
      callback(at);
    }, Math.max(0, at - Date.now()));
    handle.unref();
    this.handles.set(name, { kind: 'timeout', handle });
  }

  cancel(name: string): void {
    const entry = this.handles.get(name);
    if (entry === undefined) return;
    if (entry.kind === 'interval') clearInterval(entry.handle);
    else clearTimeout(entry.handle);
    this.handles.delete(name);
  }

  dispose(): void {
    for (const name of [...this.handles.keys()]) this.cancel(name);
  }
}
