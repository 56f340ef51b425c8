import { DateTime } from 'luxon';
import type { EpochMs } from '../../core/index.js';

/**
 * When an earnings `hour` code is taken to happen, New York time. Releases have no exact time,
 * so these are conventions: `bmo` 08:00 (most pre-market reports land 07:00–08:30), `amc` 16:05
 * (just after the close, when after-close reports start), `dmh` 12:00 (mid-session). An unknown
 * code is taken as `bmo`, the earliest plausible time, so a blackout before earnings starts
 * early rather than late.
 */
export const EARNINGS_HOUR_TIMES = {
  bmo: { hour: 8, minute: 0 },
  amc: { hour: 16, minute: 5 },
  dmh: { hour: 12, minute: 0 },
} as const;

const HH_MM = /^(\d{1,2}):(\d{2})(?::\d{2})?$/;

function timeOfDay(hour: string): { hour: number; minute: number } {
  const code = hour.trim().toLowerCase();
  if (code === 'bmo' || code === 'amc' || code === 'dmh') return EARNINGS_HOUR_TIMES[code];
  const m = HH_MM.exec(code);
  const h = Number(m?.[1]);
  const min = Number(m?.[2]);
  if (m !== null && h < 24 && min < 60) return { hour: h, minute: min };
  return EARNINGS_HOUR_TIMES.bmo;
}

/** Returns the epoch ms of an earnings release on `date` (`YYYY-MM-DD`) at `hour`, or `undefined` for a bad date. */
export function earningsTime(date: string, hour: string, zone: string): EpochMs | undefined {
  const day = DateTime.fromISO(date, { zone });
  if (!day.isValid || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return undefined;
  return day.set({ ...timeOfDay(hour), second: 0, millisecond: 0 }).toMillis();
}
