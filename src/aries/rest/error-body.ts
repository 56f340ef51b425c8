/** What an error body says: a machine code and a human message, either possibly absent. */
export interface ErrorBodySummary {
  readonly error?: string;
  readonly message?: string;
}

const MAX_TEXT = 200;

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function clip(text: string): string {
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text;
}

/**
 * Returns the code and message of an Aries error body. Accepts `{error, message}` (REST),
 * `{error, error_description}` (OAuth), a bare `{message}`, and a non-JSON body, whose text (one
 * line, clipped) becomes the message.
 */
export function summarizeErrorBody(text: string): ErrorBodySummary {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    const plain = str(text.replace(/\s+/g, ' '));
    return plain === undefined ? {} : { message: clip(plain) };
  }
  if (typeof parsed !== 'object' || parsed === null) return {};
  const record = parsed as Record<string, unknown>;
  const error = str(record['error']);
  const message = str(record['message']) ?? str(record['error_description']);
  return {
    ...(error === undefined ? {} : { error: clip(error) }),
    ...(message === undefined ? {} : { message: clip(message) }),
  };
}
