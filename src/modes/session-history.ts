import { DateTime } from 'luxon';
import type { AriesClient } from '../aries/index.js';
import type { Bar } from '../core/index.js';
import type { FetchHistory } from '../data/index.js';
import type { TradingCalendar } from '../time/index.js';
import type { LiveBarSpec } from './live-market-inputs.js';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** Returns the bar length the gap filler works in: one day for session bars, else the interval. */
export function liveIntervalMs(spec: LiveBarSpec): number {
  return spec.kind === 'session' ? DAY_MS : spec.intervalMs;
}

/** Returns the Aries chart resolution of the live bars: `D` for session bars, `N` minutes otherwise. */
export function chartResolution(spec: LiveBarSpec): string {
  return spec.kind === 'session' ? 'D' : String(Math.max(1, Math.round(spec.intervalMs / MINUTE_MS)));
}

/**
 * Returns the history port bound to `AriesClient.chartHistory`. Aries stamps daily bars at
 * 00:00 New York while live session bars span the regular session, so daily history is re-stamped
 * to its session's open and close (days without a session are dropped); otherwise a backfilled
 * bar and a live one for the same day would not be recognised as the same bar.
 */
export function chartHistoryPort(client: AriesClient, spec: LiveBarSpec, calendar: TradingCalendar): FetchHistory {
  const resolution = chartResolution(spec);
  if (spec.kind !== 'session') return (symbol, fromMs, toMs) => client.chartHistory(symbol, resolution, fromMs, toMs);
  return async (symbol, fromMs, toMs) => {
    // Ask from the start of the New York day so the whole first session is aggregated.
    const dayStart = DateTime.fromMillis(fromMs, { zone: calendar.timeZone }).startOf('day').toMillis();
    const bars = await client.chartHistory(symbol, resolution, dayStart, toMs);
    return bars.flatMap((b) => sessionBar(b, calendar));
  };
}

function sessionBar(bar: Bar, calendar: TradingCalendar): Bar[] {
  const date = DateTime.fromMillis(bar.ts, { zone: calendar.timeZone }).toISODate();
  const session = date === null ? undefined : calendar.session(date);
  return session === undefined ? [] : [{ ...bar, ts: session.open, tsEnd: session.close }];
}
