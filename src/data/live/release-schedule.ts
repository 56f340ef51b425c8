import type { Subscription } from 'rxjs';
import type { CalendarEvent, EpochMs } from '../../core/index.js';
import type { Clock } from '../../time/index.js';

const PRUNE_AFTER_MS = 2 * 86_400_000;

interface Entry {
  event: CalendarEvent;
  action: Subscription | undefined;
  delivered: boolean;
}

/**
 * The releases known so far, keyed by identity, each scheduled on the clock for its time and
 * delivered at most once however often it is fetched. A release whose time changes before it is
 * due is moved; one first seen after its time is recorded but not delivered, so a restart does
 * not replay the morning's releases.
 */
export class ReleaseSchedule {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly clock: Clock,
    private readonly deliver: (event: CalendarEvent) => void,
  ) {}

  /** Adds or updates the release known as `key`. */
  upsert(key: string, event: CalendarEvent): void {
    const now = this.clock.now();
    const entry = this.entries.get(key);
    if (entry === undefined) {
      const fresh: Entry = { event, action: undefined, delivered: event.ts < now };
      this.entries.set(key, fresh);
      if (!fresh.delivered) this.arm(fresh);
      return;
    }
    if (entry.delivered || (entry.event.ts === event.ts && entry.event.name === event.name)) return;
    entry.action?.unsubscribe();
    entry.event = event;
    this.arm(entry);
  }

  /** Returns the releases not yet delivered, soonest first. */
  upcoming(): readonly CalendarEvent[] {
    return [...this.entries.values()]
      .filter((e) => !e.delivered)
      .map((e) => e.event)
      .sort((a, b) => a.ts - b.ts || a.name.localeCompare(b.name));
  }

  /** Forgets delivered releases older than two days, so the map does not grow forever. */
  prune(): void {
    const cutoff: EpochMs = this.clock.now() - PRUNE_AFTER_MS;
    for (const [key, e] of this.entries) if (e.delivered && e.event.ts < cutoff) this.entries.delete(key);
  }

  /** Cancels every pending delivery and forgets the releases not yet delivered. */
  clearPending(): void {
    for (const [key, e] of this.entries) {
      e.action?.unsubscribe();
      if (!e.delivered) this.entries.delete(key);
    }
  }

  private arm(entry: Entry): void {
    const delay = Math.max(0, entry.event.ts - this.clock.now());
    entry.action = this.clock.scheduler.schedule(() => {
      entry.action = undefined;
      entry.delivered = true;
      this.deliver(entry.event);
    }, delay);
  }
}
