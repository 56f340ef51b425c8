import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { RunnerError } from '../../core/index.js';

const record = z.record(z.string(), z.unknown());
const fixtureSchema = z.object({
  earnings: z.array(record.and(z.object({ date: z.string(), symbol: z.string() }))).default([]),
  economics: z.array(record.and(z.object({ date: z.string(), event: z.string() }))).default([]),
  symbols: z.array(z.object({ symbol: z.string(), description: z.string(), tag: z.string(), type: z.string() })).default([]),
});

/** The calendar fixture: earnings releases, economic events and extra searchable symbols. */
export type CalendarFixture = z.output<typeof fixtureSchema>;

/** The bundled fixture's path. */
export const DEFAULT_CALENDAR_FILE = fileURLToPath(new URL('../fixtures/calendar.json', import.meta.url));

/** Returns the fixture read from `file`; throws `SIM_ERR_FIXTURE` naming the file and the bad field. */
export function loadCalendarFixture(file: string = DEFAULT_CALENDAR_FILE): CalendarFixture {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new RunnerError('SIM_ERR_FIXTURE', `${file}: cannot read the calendar fixture (${err instanceof Error ? err.message : String(err)})`);
  }
  const parsed = fixtureSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new RunnerError('SIM_ERR_FIXTURE', `${file}: ${issue === undefined ? 'invalid' : `${issue.path.join('.')}: ${issue.message}`}`);
  }
  return parsed.data;
}
