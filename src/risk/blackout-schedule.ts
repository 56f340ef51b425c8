import type { EpochMs, Symbol } from '../core/index.js';
import type { BlackoutWindow, CalendarBlackouts } from './calendar-blackouts.js';

const MINUTE_MS = 60_000;

/**
 * Which economic releases black out entries. A release matches when its name contains one of
 * `names` (case-insensitive) or its importance is in `importance`; with both lists empty every
 * release matches.
 */
export interface EconomicBlackoutRule {
  readonly names: readonly string[];
  readonly importance: readonly number[];
  readonly minutesBefore: number;
  readonly minutesAfter: number;
}

/** How long before a symbol's earnings its entries are refused. */
export interface EarningsBlackoutRule {
  readonly minutesBefore: number;
}

/** The configured blackout rules; an absent rule adds no windows. */
export interface BlackoutRules {
  readonly economic?: EconomicBlackoutRule;
  readonly earnings?: EarningsBlackoutRule;
}

/** A scheduled economic release, e.g. `CPI` at 08:30 New York with importance 3. */
export interface EconomicRelease {
  readonly name: string;
  readonly ts: EpochMs;
  readonly importance?: number;
}

/** A symbol's scheduled earnings release. */
export interface EarningsDate {
  readonly symbol: Symbol;
  readonly ts: EpochMs;
}

/**
 * The blackout windows derived from the calendar feed under the configured rules. The feed adds
 * releases as it fetches them (re-adding one is harmless); windows that have ended are dropped
 * as time passes, so memory stays bounded by the releases still ahead.
 */
export class BlackoutSchedule implements CalendarBlackouts {
  private readonly byKey = new Map<string, BlackoutWindow>();
  private readonly names: readonly string[];

  constructor(private readonly rules: BlackoutRules) {
    this.names = rules.economic?.names.map((n) => n.toLowerCase()) ?? [];
  }

  /** Adds the window around an economic release when the rules select it; returns whether it did. */
  addEconomicRelease(release: EconomicRelease): boolean {
    const rule = this.rules.economic;
    if (rule === undefined || !this.selects(rule, release)) return false;
    this.add({
      start: release.ts - rule.minutesBefore * MINUTE_MS,
      end: release.ts + rule.minutesAfter * MINUTE_MS,
      reason: release.name,
    });
    return true;
  }

  /** Adds the window before a symbol's earnings when earnings blackouts are configured; returns whether it did. */
  addEarnings(earnings: EarningsDate): boolean {
    const rule = this.rules.earnings;
    if (rule === undefined) return false;
    this.add({ start: earnings.ts - rule.minutesBefore * MINUTE_MS, end: earnings.ts, reason: `${earnings.symbol} earnings`, symbol: earnings.symbol });
    return true;
  }

  /** Returns every window not yet ended, in insertion order. */
  windows(): readonly BlackoutWindow[] {
    return [...this.byKey.values()];
  }

  /** Returns a window covering `symbol` at `now` (market-wide or the symbol's own), dropping ended ones. */
  activeWindow(symbol: Symbol, now: EpochMs): BlackoutWindow | undefined {
    for (const [key, w] of this.byKey) {
      if (w.end <= now) {
        this.byKey.delete(key);
        continue;
      }
      if (w.start <= now && (w.symbol === undefined || w.symbol === symbol)) return w;
    }
    return undefined;
  }

  private selects(rule: EconomicBlackoutRule, release: EconomicRelease): boolean {
    if (this.names.length === 0 && rule.importance.length === 0) return true;
    const name = release.name.toLowerCase();
    if (this.names.some((n) => name.includes(n))) return true;
    return release.importance !== undefined && rule.importance.includes(release.importance);
  }

  private add(window: BlackoutWindow): void {
    this.byKey.set(`${window.symbol ?? '*'}|${window.reason}|${window.start}|${window.end}`, window);
  }
}
