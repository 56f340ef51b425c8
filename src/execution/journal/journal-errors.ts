/**
 * Stable error codes of the order journal. Match on them, never on the message.
 */
export const JournalErrorCode = {
  /** The path is not a usable journal file: wrong permissions, not a regular file, or not creatable. */
  FILE: 'JOURNAL_ERR_FILE',
  /** No journal exists at the path (export and other read-only opens). */
  NOT_FOUND: 'JOURNAL_ERR_NOT_FOUND',
  /** The file is not an SQLite database, is damaged, or is not an aries-runner journal. */
  CORRUPT: 'JOURNAL_ERR_CORRUPT',
  /** The journal was written by a newer aries-runner (its schema version is unknown here). */
  SCHEMA: 'JOURNAL_ERR_SCHEMA',
  /** A venue order id is already attached to another order. */
  CONFLICT: 'JOURNAL_ERR_CONFLICT',
  /** An update names an order the journal has never seen. */
  UNKNOWN_ORDER: 'JOURNAL_ERR_UNKNOWN_ORDER',
  /** The journal was used after `close()`. */
  CLOSED: 'JOURNAL_ERR_CLOSED',
} as const;
/** A stable journal error code. */
export type JournalErrorCode = (typeof JournalErrorCode)[keyof typeof JournalErrorCode];
