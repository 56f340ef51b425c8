import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { RunnerError } from '../../core/index.js';
import { csvColumns, csvLine, csvRecord, exportQuery } from './export-records.js';
import { JournalErrorCode } from './journal-errors.js';
import { isSqliteError, openFailure, openJournalReadOnly } from './journal-file.js';
import { JOURNAL_SCHEMA_VERSION, schemaVersion } from './journal-schema.js';

/** The audit export's formats: one JSON object per line, or one CSV with a `table` column. */
export type JournalExportFormat = 'jsonl' | 'csv';

/** What an export wrote. */
export interface JournalExportSummary {
  readonly records: number;
}

interface ExportRow {
  readonly tbl: string;
  readonly ts: number;
  readonly rec: string;
}

function checkVersion(path: string, version: number): void {
  if (version === 0) throw new RunnerError(JournalErrorCode.CORRUPT, `${path}: an SQLite database that is not an aries-runner journal`);
  if (version > JOURNAL_SCHEMA_VERSION) {
    throw new RunnerError(JournalErrorCode.SCHEMA, `${path}: journal schema version ${version} is newer than this aries-runner understands (${JOURNAL_SCHEMA_VERSION})`);
  }
}

async function write(out: Writable, text: string): Promise<void> {
  if (!out.write(text)) await once(out, 'drain');
}

/**
 * Streams every row of every journal table at `path` to `out`, in time order, each tagged with its
 * table and a `ts`. Decimal amounts stay the exact strings the journal holds. Opens the file
 * read-only, so it is safe while a runner is writing. Does not end `out`. Throws
 * `JOURNAL_ERR_NOT_FOUND`, `JOURNAL_ERR_CORRUPT` or `JOURNAL_ERR_SCHEMA` for a bad file.
 */
export async function exportJournal(path: string, out: Writable, format: JournalExportFormat): Promise<JournalExportSummary> {
  const db = openJournalReadOnly(path);
  let records = 0;
  try {
    checkVersion(path, schemaVersion(db));
    const columns = csvColumns();
    if (format === 'csv') await write(out, csvLine(columns));
    for (const row of db.prepare(exportQuery()).iterate() as Iterable<ExportRow>) {
      const rec: unknown = JSON.parse(row.rec);
      const record = { table: row.tbl, ts: row.ts, ...(rec !== null && typeof rec === 'object' ? rec : {}) };
      await write(out, format === 'csv' ? csvRecord(columns, record) : `${JSON.stringify(record)}\n`);
      records++;
    }
    return { records };
  } catch (error) {
    throw isSqliteError(error) ? openFailure(path, error) : error;
  } finally {
    db.close();
  }
}
