import { debounceTime, filter, firstValueFrom, merge, take, timer, type Observable } from 'rxjs';
import type { Quote, Trade } from '../core/index.js';
import type { EmbeddedSimulator } from '../modes/index.js';

/** How long the market must stay quiet after the replay finished before the run ends. */
const QUIET_MS = 750;

/** Starts the replay once the simulator acknowledged the market subscription (or after 5 s at most). */
export function startReplayWhenSubscribed(sim: EmbeddedSimulator, messages$: Observable<{ readonly type: string; readonly action: string | undefined }>): void {
  const acked$ = messages$.pipe(filter((m) => m.type === 'response' && m.action === 'subscribed'));
  void firstValueFrom(merge(acked$, timer(5_000)).pipe(take(1))).then(() => sim.feed.start());
}

/**
 * Returns a promise that resolves when the replay has ended and the last ticks have reached the
 * runner (the market stayed quiet for a moment). Signals are the caller's business (the run
 * races this with its shutdown signal).
 */
export function replayEnd(sim: EmbeddedSimulator, data$: Observable<Quote | Trade>): Promise<void> {
  return sim.feed.finished.then(() => firstValueFrom(merge(data$, timer(0)).pipe(debounceTime(QUIET_MS), take(1)))).then(() => undefined);
}
