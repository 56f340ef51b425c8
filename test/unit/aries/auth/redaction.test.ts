import { describe, expect, it } from 'vitest';
import pino from 'pino';
import { SecretRegistry, createRedactingLogger, redactValue } from '../../../../src/aries/auth/index.js';
import { RunnerError } from '../../../../src/core/index.js';

function memoryLogger(secrets: SecretRegistry) {
  const lines: string[] = [];
  const logger = createRedactingLogger('trace', { write: (line: string) => { lines.push(line); } }, secrets);
  return { logger, lines };
}

describe('redactValue', () => {
  it('redacts denylisted keys at any depth, case-insensitively, without mutating the input', () => {
    const input = {
      nested: { deep: { access_token: 'leak1' } },
      headers: { Authorization: 'Bearer leak2', 'Set-Cookie': ['s=leak3'] },
      list: [{ CODE: 'leak4', Code_Verifier: 'leak5' }],
      client_secret: 'leak6',
      keep: 'visible',
    };
    const out = redactValue(input);
    expect(JSON.stringify(out)).not.toMatch(/leak/);
    expect(out).toMatchObject({ keep: 'visible', nested: { deep: { access_token: '[REDACTED]' } } });
    expect(input.nested.deep.access_token).toBe('leak1');
  });

  it('replaces any string containing a held secret, raw or URL-encoded, and survives cycles', () => {
    const secrets = new SecretRegistry();
    secrets.add('s3cr/t+x');
    const cyclic: Record<string, unknown> = { url: 'https://h/cb?x=s3cr%2Ft%2Bx', text: 'has s3cr/t+x inside', ok: 'fine' };
    cyclic['self'] = cyclic;
    expect(redactValue(cyclic, secrets)).toEqual({ url: '[REDACTED]', text: '[REDACTED]', ok: 'fine', self: '[Circular]' });
  });

  it('turns errors into scrubbed objects but keeps RunnerError codes', () => {
    const secrets = new SecretRegistry();
    secrets.add('tok-123456');
    const error = new RunnerError('ARIES_ERR_X', 'bad tok-123456', { cause: new Error('inner tok-123456') });
    const out = redactValue(error, secrets) as Record<string, unknown>;
    expect(out).toMatchObject({ message: '[REDACTED]', stack: '[REDACTED]', code: 'ARIES_ERR_X', cause: { message: '[REDACTED]' } });
  });
});

describe('createRedactingLogger', () => {
  it('catches the nested-key case that pino redact paths miss (dependencies.md §1.5)', () => {
    const plain: string[] = [];
    pino({ redact: ['*.access_token'] }, { write: (l: string) => { plain.push(l); } }).info({ nested: { deep: { access_token: 'leak' } } });
    expect(plain.join('')).toContain('leak');
    const { logger, lines } = memoryLogger(new SecretRegistry());
    logger.info({ nested: { deep: { access_token: 'leak' } } }, 'hello');
    expect(lines.join('')).not.toContain('leak');
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({ msg: 'hello', nested: { deep: { access_token: '[REDACTED]' } } });
  });

  it('scrubs held secrets in messages, format arguments, errors, err fields and child bindings', () => {
    const secrets = new SecretRegistry();
    secrets.add('held-secret-value');
    const { logger, lines } = memoryLogger(secrets);
    logger.warn('refresh held-secret-value failed');
    logger.warn('refresh %s failed', 'held-secret-value');
    logger.error(new Error('boom held-secret-value'));
    logger.error({ err: new Error('nested held-secret-value') });
    logger.child({ token: 'held-secret-value', authorization: 'x' }).child({ cookie: 'c' }).info('child');
    expect(lines).toHaveLength(5);
    expect(JSON.parse(lines[4] ?? '{}')).toMatchObject({ token: '[REDACTED]', authorization: '[REDACTED]', cookie: '[REDACTED]', msg: 'child' });
    expect(lines.join('\n')).not.toContain('held-secret-value');
    expect(lines.join('\n')).toContain('[REDACTED]');
  });
});
