import { BehaviorSubject } from 'rxjs';
import { describe, expect, it } from 'vitest';
import type { AccountStreamEvent } from '../../../../src/aries/client/index.js';
import { AriesExecution, type ExecutionClient } from '../../../../src/aries/execution/index.js';
import type { PlaceOrderResponse } from '../../../../src/aries/wire/index.js';
import { amountFromNumber, toOrderId, toSymbol, type MaybePromise, type OrderIntent } from '../../../../src/core/index.js';

const intent: OrderIntent = {
  id: toOrderId('O-1'), symbol: toSymbol('YHOO'), side: 'BUY', qty: amountFromNumber(10), type: 'MARKET', tif: 'DAY', tsCreated: 1,
};

/** An AriesExecution over a client double whose place call is logged (and answered later) and a snapshot already sent. */
async function connected(beforeSend: (i: OrderIntent) => MaybePromise<void>, log: string[]) {
  let answer: (r: PlaceOrderResponse) => void = () => undefined;
  const client = {
    placeOrder: (_account: string, i: OrderIntent) => {
      log.push(`POST ${i.id}`);
      return new Promise<PlaceOrderResponse>((resolve) => (answer = resolve));
    },
  } as unknown as ExecutionClient;
  const events$ = new BehaviorSubject<AccountStreamEvent>({ kind: 'snapshot', orders: [], positions: [], balances: undefined });
  const exec = new AriesExecution({ client, stream: { events$, subscribe: () => undefined }, accountId: 'TA-1', now: () => 2, beforeSend });
  await exec.connect();
  return { exec, ack: () => answer({ success: true, clOrdId: 'C-1' } as PlaceOrderResponse) };
}

describe('AriesExecution.submit hot path', () => {
  it('journals and starts the POST within the submit call when the journal hook is synchronous', async () => {
    const log: string[] = [];
    const { exec, ack } = await connected((i) => void log.push(`journal ${i.id}`), log);
    const outcome = exec.submit(intent);
    expect(log).toEqual(['journal O-1', 'POST O-1']);
    ack();
    expect(await outcome).toEqual({ kind: 'submitted' });
  });

  it('still waits for an asynchronous journal hook before the POST', async () => {
    const log: string[] = [];
    let journaled: () => void = () => undefined;
    const { exec, ack } = await connected(() => new Promise<void>((resolve) => (journaled = () => {
      log.push('journaled');
      resolve();
    })), log);
    const outcome = exec.submit(intent);
    await Promise.resolve();
    expect(log).toEqual([]);
    journaled();
    await new Promise((resolve) => setImmediate(resolve));
    expect(log).toEqual(['journaled', 'POST O-1']);
    ack();
    await outcome;
  });

  it('sends nothing when the journal hook throws', async () => {
    const log: string[] = [];
    const { exec } = await connected(() => {
      throw new Error('disk full');
    }, log);
    await expect(exec.submit(intent)).rejects.toThrow('disk full');
    expect(log).toEqual([]);
  });
});
