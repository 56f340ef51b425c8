/** The text that replaces anything secret in logs and error messages. */
export const REDACTED = '[REDACTED]';

/**
 * The secrets this process currently holds (tokens, client secret, code, verifier). Any string
 * that contains one of them, raw or URL-encoded, is treated as secret as a whole.
 */
export class SecretRegistry {
  readonly #needles = new Map<string, number>();

  /** Registers a secret; empty strings are ignored because they would match every string. */
  add(secret: string | undefined): void {
    if (secret === undefined || secret === '') return;
    for (const form of new Set([secret, encodeURIComponent(secret)])) {
      this.#needles.set(form, (this.#needles.get(form) ?? 0) + 1);
    }
  }

  /** Forgets every secret. Strings seen earlier stay redacted where they were already written. */
  clear(): void {
    this.#needles.clear();
  }

  /** Returns how many distinct secret forms are registered. */
  get size(): number {
    return this.#needles.size;
  }

  /** Returns whether the text contains a registered secret. */
  containsSecret(text: string): boolean {
    for (const needle of this.#needles.keys()) {
      if (text.includes(needle)) return true;
    }
    return false;
  }

  /** Returns the text, or {@link REDACTED} when it contains a registered secret. */
  scrub(text: string): string {
    return this.containsSecret(text) ? REDACTED : text;
  }
}

/** The process-wide registry used when none is injected. */
export const sharedSecretRegistry = new SecretRegistry();
