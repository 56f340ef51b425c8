import { authRequest } from './control.js';
import type { SocketTimers, TimerHandle } from './socket-options.js';

/** Why an `/auth` attempt failed before the server answered. */
export type AuthFailure = 'no access token' | 'auth timeout';

/**
 * The `/auth` exchange of §8.1 on one socket: fetch a token, send the request, and fail if no answer
 * comes within the timeout. `cancel()` (or a newer `start()`) makes an attempt still waiting for its
 * token forget it, so a late token is never sent on a replaced connection.
 */
export class AuthHandshake {
  private pendingId: string | undefined;
  private timer: TimerHandle | undefined;
  private generation = 0;

  constructor(
    private readonly timers: SocketTimers,
    private readonly timeoutMs: number,
  ) {}

  /** Returns the id of the `/auth` request awaiting an answer, if any. */
  get pendingAuthId(): string | undefined {
    return this.pendingId;
  }

  /** Starts one attempt; `onFail` gets the reason and, for a token failure, the error. */
  async start(
    fetchToken: () => Promise<string>,
    send: (message: unknown) => void,
    onFail: (reason: AuthFailure, error?: unknown) => void,
  ): Promise<void> {
    this.cancel();
    const generation = this.generation;
    const id = `auth-${generation}`;
    this.pendingId = id;
    let token: string;
    try {
      token = await fetchToken();
    } catch (error) {
      if (generation === this.generation) onFail('no access token', error);
      return;
    }
    if (generation !== this.generation) return;
    send(authRequest(id, token));
    this.timer = this.timers.setTimeout(() => onFail('auth timeout'), this.timeoutMs);
  }

  /** Completes the pending attempt; returns false when none was pending (a stray authSuccess). */
  succeed(): boolean {
    if (this.pendingId === undefined) return false;
    this.cancel();
    return true;
  }

  /** Abandons any pending attempt and its timer. */
  cancel(): void {
    this.generation += 1;
    this.pendingId = undefined;
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timer = undefined;
  }
}
