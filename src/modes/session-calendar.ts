import { DateTime } from 'luxon';
import type { AriesClient, EconomicEvent } from '../aries/index.js';
import type { CalendarPorts, EconomicRecord } from '../data/index.js';

/**
 * The zone of an economic event's `date` + `time`. Aries does not state it; its examples (and the
 * simulator's fixture: a US CPI release at `12:30` with `lastUpdate` `…T12:30:00Z`, i.e. 08:30 New
 * York) are UTC.
 */
export const ECONOMIC_TIME_ZONE = 'UTC';

/**
 * Returns an economic event's release time as epoch ms, reading `date` (`YYYY-MM-DD`) and `time`
 * (`HH:MM` or `HH:MM:SS`) in {@link ECONOMIC_TIME_ZONE}; `NaN` when either is missing or malformed,
 * so the event is skipped rather than placed at a guessed time.
 */
export function economicEventTime(date: string, time: string | undefined): number {
  const t = time?.trim() ?? '';
  if (!/^\d{1,2}:\d{2}(:\d{2})?$/.test(t)) return Number.NaN;
  const [h = '', m = '', s = '0'] = t.split(':');
  const dt = DateTime.fromISO(date.trim(), { zone: ECONOMIC_TIME_ZONE }).set({ hour: Number(h), minute: Number(m), second: Number(s) });
  return dt.isValid ? dt.toMillis() : Number.NaN;
}

function economicRecord(e: EconomicEvent): EconomicRecord {
  return {
    name: e.event,
    ts: economicEventTime(e.date, e.time),
    ...(e.importance === undefined ? {} : { importance: e.importance }),
    ...(e.country === undefined ? {} : { country: e.country }),
  };
}

/** Returns the calendar ports bound to the Aries earnings and economics endpoints. */
export function ariesCalendarPorts(client: AriesClient): CalendarPorts {
  return {
    fetchEarnings: async (fromDate, toDate) =>
      (await client.earnings(fromDate, toDate)).map((r) => ({ symbol: r.symbol, date: r.date, hour: r.hour ?? r.time ?? '' })),
    fetchEconomics: async (date) => (await client.economics(date)).map(economicRecord),
  };
}
