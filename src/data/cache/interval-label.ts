const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * Returns a short label for a bar length: `1m`, `5m`, `1h`, `1d`. A regular-session daily bar
 * (6.5 h, or 3.5 h on a half day) counts as `1d`, since its length is a session, not a clock span.
 */
export function intervalLabel(ms: number): string {
  if (ms > 0 && ms % DAY === 0) return `${ms / DAY}d`;
  if (ms >= 3 * HOUR && ms < DAY) return '1d';
  if (ms > 0 && ms % HOUR === 0) return `${ms / HOUR}h`;
  if (ms > 0 && ms % MINUTE === 0) return `${ms / MINUTE}m`;
  if (ms > 0 && ms % 1000 === 0) return `${ms / 1000}s`;
  return `${ms}ms`;
}
