import { z } from 'zod';
import { fail, ok, type SimReply } from '../state/sim-reply.js';
import type { SimControl } from './sim-control.js';

const commandSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('failNext'), status: z.union([z.literal(429), z.literal(500)]), count: z.number().int().positive().default(1), path: z.string().optional() }),
  z.object({ action: z.literal('delayNextOrderResponse'), ms: z.number().int().nonnegative().optional() }),
  z.object({ action: z.literal('loseNextOrderResponse'), count: z.number().int().positive().default(1) }),
  z.object({ action: z.literal('releaseHeld') }),
  z.object({ action: z.literal('expireTokens') }),
  z.object({ action: z.literal('rejectNextOrder'), reason: z.string().min(1) }),
  z.object({ action: z.literal('reset') }),
]);

/** Returns the handler of `POST /__sim/faults`: one `{action, …}` command per call. */
export function controlEndpoint(control: SimControl): (body: unknown) => SimReply {
  return (body) => {
    const parsed = commandSchema.safeParse(body);
    if (!parsed.success) return fail(400, 'bad_request', 'unknown or malformed fault command');
    const c = parsed.data;
    switch (c.action) {
      case 'failNext':
        control.failNext(c.status, c.count, c.path);
        break;
      case 'delayNextOrderResponse':
        control.delayNextOrderResponse(c.ms);
        break;
      case 'loseNextOrderResponse':
        control.loseNextOrderResponse(c.count);
        break;
      case 'releaseHeld':
        return ok({ ok: true, released: control.releaseHeld() });
      case 'expireTokens':
        control.expireAllTokens();
        break;
      case 'rejectNextOrder':
        control.rejectNextOrder(c.reason);
        break;
      case 'reset':
        control.reset();
        break;
      default: {
        const never: never = c;
        return never;
      }
    }
    return ok({ ok: true });
  };
}
