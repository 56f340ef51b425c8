import type { SocketTimers, TimerHandle } from './socket-options.js';

/** What a {@link Heartbeat} needs. */
export interface HeartbeatOptions {
  readonly intervalMs: number;
  readonly graceMs: number;
  readonly timers: SocketTimers;
  readonly now: () => number;
  /** Sends one ping (frame and/or protocol message). */
  readonly onPing: () => void;
  /** Called once when nothing arrived for interval + grace. */
  readonly onStale: (silentMs: number) => void;
}

/**
 * Client keep-alive and half-open detection (T-10). Pings every interval; any inbound traffic calls
 * `touch()`. A deadline timer only re-arms itself when it fires, so a busy feed costs one number write
 * per message instead of a timer reset.
 */
export class Heartbeat {
  private lastSeen = 0;
  private pingTimer: TimerHandle | undefined;
  private deadlineTimer: TimerHandle | undefined;

  constructor(private readonly options: HeartbeatOptions) {}

  /** Starts pinging and watching for silence from now. */
  start(): void {
    this.stop();
    this.lastSeen = this.options.now();
    this.schedulePing();
    this.armDeadline(this.limitMs);
  }

  /** Records inbound traffic. */
  touch(): void {
    this.lastSeen = this.options.now();
  }

  /** Stops both timers; safe to call twice. */
  stop(): void {
    const { timers } = this.options;
    if (this.pingTimer !== undefined) timers.clearTimeout(this.pingTimer);
    if (this.deadlineTimer !== undefined) timers.clearTimeout(this.deadlineTimer);
    this.pingTimer = undefined;
    this.deadlineTimer = undefined;
  }

  private get limitMs(): number {
    return this.options.intervalMs + this.options.graceMs;
  }

  private schedulePing(): void {
    this.pingTimer = this.options.timers.setTimeout(() => {
      this.options.onPing();
      if (this.pingTimer !== undefined) this.schedulePing();
    }, this.options.intervalMs);
  }

  private armDeadline(ms: number): void {
    this.deadlineTimer = this.options.timers.setTimeout(() => {
      const silentMs = this.options.now() - this.lastSeen;
      if (silentMs < this.limitMs) {
        this.armDeadline(this.limitMs - silentMs);
        return;
      }
      this.stop();
      this.options.onStale(silentMs);
    }, ms);
  }
}
