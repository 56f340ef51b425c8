const NEEDS_QUOTES = /[",\r\n]/;

/**
 * Returns one CSV line (without its line break) of `fields`. A field holding a comma, a double
 * quote, CR or LF is wrapped in double quotes with inner quotes doubled, as RFC 4180 §2 says;
 * other fields are written bare so ordinary rows stay readable.
 */
export function csvRow(fields: readonly string[]): string {
  let line = '';
  for (let i = 0; i < fields.length; i += 1) {
    const field = fields[i] as string;
    if (i > 0) line += ',';
    line += NEEDS_QUOTES.test(field) ? `"${field.replaceAll('"', '""')}"` : field;
  }
  return line;
}
