import { Observable, Subscription } from 'rxjs';
import type { Bar } from '../../core/index.js';
import { BarGapFiller, type BackfillItem, type BarGapFillerOptions } from './bar-gap-filler.js';

/** Options of {@link mergeBackfill}. */
export interface MergeBackfillOptions extends BarGapFillerOptions {
  /** Emits once each time the market-data connection is back after a drop. */
  readonly reconnects: Observable<void>;
  /** Bars fetched before live ones for indicator warm-up; omit for none. */
  readonly warmUp?: { readonly count: number; readonly lookbackMs?: number };
}

/**
 * Returns the live bars with history spliced in: first the warm-up bars (if asked), then live
 * bars, and after every reconnect the bars missed since the last one delivered, each followed by
 * a {@link DataGap} notice when something was filled. Per symbol, no bar is emitted twice or out
 * of order. Completes after the live stream completes and pending fetches have settled.
 */
export function mergeBackfill(live: Observable<Bar>, options: MergeBackfillOptions): Observable<BackfillItem> {
  return new Observable<BackfillItem>((subscriber) => {
    const filler = new BarGapFiller(options, (item) => subscriber.next(item));
    const subs = new Subscription(() => filler.close());
    // Started before the live subscription so that live bars wait behind the warm-up.
    if (options.warmUp !== undefined) void filler.warmUp(options.warmUp.count, options.warmUp.lookbackMs);
    subs.add(live.subscribe({
      next: (bar) => filler.offerLive(bar),
      error: (e: unknown) => subscriber.error(e),
      complete: () => void filler.idle().then(() => subscriber.complete()),
    }));
    subs.add(options.reconnects.subscribe(() => void filler.reconnected()));
    return subs;
  });
}
