import pino from 'pino';
import type { DestinationStream, Level, Logger } from 'pino';
import { redactValue } from './redact.js';
import { sharedSecretRegistry } from './secret-registry.js';
import type { SecretRegistry } from './secret-registry.js';

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : { value };
}

/**
 * Returns the log-call arguments with every object deep-redacted and every string scrubbed.
 * This runs before pino reads `err.message` into `msg`, which `formatters.log` would be too late for.
 */
function redactArgs(args: readonly unknown[], secrets: SecretRegistry): unknown[] {
  const [first, ...rest] = args;
  const scrubbedRest = rest.map((arg: unknown) => redactValue(arg, secrets));
  if (first instanceof Error) {
    const err = redactValue(first, secrets);
    const message = typeof scrubbedRest[0] === 'string' ? [] : [asRecord(err)['message']];
    return [{ err }, ...message, ...scrubbedRest];
  }
  return [redactValue(first, secrets), ...scrubbedRest];
}

type ChildFn = (this: Logger, bindings: Record<string, unknown>, options?: unknown) => Logger;

/**
 * Redacts `child()` bindings: pino swaps the bindings formatter out for children, so
 * `formatters.bindings` alone would miss them. Children inherit this override through the prototype.
 */
function redactChildBindings(logger: Logger, secrets: SecretRegistry): Logger {
  const original = logger.child as unknown as ChildFn;
  const child: ChildFn = function (this: Logger, bindings, options) {
    return original.call(this, asRecord(redactValue(bindings, secrets)), options);
  };
  Object.defineProperty(logger, 'child', { value: child, writable: true, configurable: true });
  return logger;
}

/**
 * Returns a pino logger that never writes a secret: every merged object, binding, message and
 * format argument is redacted by key name at any depth (pino's own `redact` paths miss nested
 * keys) and by value against the registry of currently held secrets.
 */
export function createRedactingLogger(
  level: Level | 'silent',
  destination: DestinationStream,
  secrets: SecretRegistry = sharedSecretRegistry,
): Logger {
  const logger = pino(
    {
      level,
      formatters: {
        log: (object) => asRecord(redactValue(object, secrets)),
        bindings: (bindings) => asRecord(redactValue(bindings, secrets)),
      },
      hooks: {
        logMethod(args, method) {
          const redacted = redactArgs(args, secrets) as Parameters<typeof method>;
          method.apply(this, redacted);
        },
      },
    },
    destination,
  );
  return redactChildBindings(logger, secrets);
}
