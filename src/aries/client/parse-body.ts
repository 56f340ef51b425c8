import type { z } from 'zod';
import { RunnerError } from '../../core/index.js';
import { parseWire } from '../wire/index.js';

/** Returns a parser for `AriesHttp.requestJson` that validates a body with a wire schema or throws `ARIES_ERR_BAD_RESPONSE`. */
export function bodyParser<S extends z.ZodType>(schema: S, what: string): (body: unknown) => z.output<S> {
  return (body) => {
    const r = parseWire(schema, body, what);
    if (!r.ok) throw new RunnerError('ARIES_ERR_BAD_RESPONSE', `unexpected ${what} from Aries: ${r.problem}`, { retry: 'non-retryable' });
    return r.value;
  };
}
