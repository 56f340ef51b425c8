import { toEnvelope, type Envelope } from './envelope.js';

/** What one socket frame held: its envelopes in order and the reasons its bad lines were skipped. */
export interface ParsedFrame {
  readonly envelopes: readonly Envelope[];
  readonly malformed: readonly string[];
}

/**
 * Returns the envelopes of one frame. A frame holds one JSON object or several newline-separated ones
 * (NDJSON, §8.1); blank lines are ignored and every bad line is reported by reason, never thrown.
 */
export function parseFrame(text: string): ParsedFrame {
  const envelopes: Envelope[] = [];
  const malformed: string[] = [];
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (trimmed.length === 0) continue;
    let value: unknown;
    try {
      value = JSON.parse(trimmed);
    } catch {
      malformed.push('invalid JSON');
      continue;
    }
    const envelope = toEnvelope(value);
    if (typeof envelope === 'string') malformed.push(envelope);
    else envelopes.push(envelope);
  }
  return { envelopes, malformed };
}
