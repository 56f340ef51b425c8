import { afterEach, describe, expect, it } from 'vitest';
import { amountFromNumber, toOrderId, toSymbol, type OrderIntent } from '../../../src/core/index.js';
import { Journal } from '../../../src/execution/index.js';
import { ACCOUNT, T0 } from '../aries-sim/sim-harness.js';
import { startLiveSession, SYMBOL } from './fixtures/live-session.js';
import { LiveRig } from './live-rig.js';
import { SessionLines } from './session-lines.js';

let rig: LiveRig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

function outsideIntent(id: string, extra: Partial<OrderIntent>): OrderIntent {
  return { id: toOrderId(id), symbol: toSymbol(SYMBOL), side: 'BUY', qty: amountFromNumber(3), type: 'MARKET', tif: 'DAY', tsCreated: T0, ...extra };
}

/** Gives the account 3 shares bought outside the runner (filled at the next bar's open). */
async function brokerHoldsThree(r: LiveRig): Promise<void> {
  await r.client.placeOrder(ACCOUNT, outsideIntent('WEB-1', {}));
  for (let i = 0; i < 3 && (await r.brokerQty()) !== 3; i += 1) await r.step();
  expect(await r.brokerQty()).toBe(3);
}

describe('T-7: start-up reconciliation table', () => {
  it('marks a working order the runner never placed as external in the journal', async () => {
    const r = (rig = await LiveRig.start());
    const placed = await r.client.placeOrder(ACCOUNT, outsideIntent('WEB-2', { qty: amountFromNumber(1), type: 'LIMIT', limitPrice: amountFromNumber(50) }));
    const lines = new SessionLines();
    const session = await startLiveSession({ apiUrl: r.sim.baseUrl, tokenFile: r.tokenFile, journalPath: r.journal(), emit: lines.emit });
    await session.ready;
    await lines.settled();
    session.stop();
    await session.done;
    const journal = Journal.open(r.journal(), { now: () => 0 });
    const row = journal.orderByVenueId(placed.clOrdId as never);
    journal.close();
    expect(row?.external).toBe(true);
    expect(row?.status).toBe('NEW');
  });

  it('refuses to start on a position mismatch, naming the symbol and both quantities', async () => {
    const r = (rig = await LiveRig.start());
    await brokerHoldsThree(r);
    const lines = new SessionLines();
    const session = await startLiveSession({ apiUrl: r.sim.baseUrl, tokenFile: r.tokenFile, journalPath: r.journal(), emit: lines.emit });
    await expect(session.done).rejects.toMatchObject({ code: 'RECONCILE_ERR_POSITION_MISMATCH', message: expect.stringContaining('SIMA journal 0 broker 3') });
    expect(lines.seen.some((l) => l.t === 'trade' || l.t === 'ready')).toBe(false);
  });

  it('with run.adoptBroker starts with the ledger equal to the broker, journals the adoption, and restarts cleanly without it', async () => {
    const r = (rig = await LiveRig.start());
    await brokerHoldsThree(r);
    const lines = new SessionLines();
    const session = await startLiveSession({ apiUrl: r.sim.baseUrl, tokenFile: r.tokenFile, journalPath: r.journal(), emit: lines.emit, adoptBroker: true });
    await session.ready;
    await lines.settled();
    session.stop();
    await session.done;
    expect((await lines.next('stop')).pos).toBe(await r.brokerQty());
    const journal = Journal.open(r.journal(), { now: () => 0 });
    expect(JSON.parse(journal.mark('reconcile.adoptedBroker') ?? '{}')).toMatchObject({ adopted: [{ symbol: SYMBOL, journal: '0', broker: '3' }] });
    journal.close();

    // The adopted offset is kept, so the next start (adoptBroker off) agrees with the broker.
    const again = new SessionLines();
    const restart = await startLiveSession({ apiUrl: r.sim.baseUrl, tokenFile: r.tokenFile, journalPath: r.journal(), emit: again.emit });
    await restart.ready;
    await again.settled();
    restart.stop();
    await restart.done;
    expect((await again.next('stop')).pos).toBe(3);
  });
});
