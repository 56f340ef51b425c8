import { toSymbol } from '../core/index.js';
import { earningsTime, type CalendarPorts } from '../data/index.js';
import type { BlackoutSchedule } from '../risk/index.js';

/**
 * Returns calendar ports that add every fetched release to the blackout schedule before handing
 * the records on. Feeding the schedule from the fetch (rather than from delivered events) puts a
 * window in place as soon as its release is known, including the minutes before it.
 */
export function blackoutFeedingPorts(ports: CalendarPorts, schedule: BlackoutSchedule, timeZone: string): CalendarPorts {
  return {
    fetchEarnings: async (fromDate, toDate) => {
      const records = await ports.fetchEarnings(fromDate, toDate);
      for (const r of records) {
        const ts = earningsTime(r.date, r.hour, timeZone);
        if (ts !== undefined) schedule.addEarnings({ symbol: toSymbol(r.symbol), ts });
      }
      return records;
    },
    fetchEconomics: async (date) => {
      const records = await ports.fetchEconomics(date);
      for (const r of records) {
        if (!Number.isFinite(r.ts)) continue;
        schedule.addEconomicRelease({ name: r.name, ts: r.ts, ...(r.importance === undefined ? {} : { importance: r.importance }) });
      }
      return records;
    },
  };
}
