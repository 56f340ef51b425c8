/** The order journal: SQLite persistence of runs, intents, decisions, orders, events and fills, and its audit export. */
export { Journal } from './journal.js';
export { JournalErrorCode } from './journal-errors.js';
export { JOURNAL_MIGRATIONS, JOURNAL_SCHEMA_VERSION } from './journal-schema.js';
export { exportJournal, type JournalExportFormat, type JournalExportSummary } from './journal-export.js';
export type {
  ExternalOrderInfo, FillOutcome, JournalClock, JournalDecision, JournalOrder, JournalRunInfo, JournalRunMode, JournalTradingState,
} from './journal-types.js';
