import { afterEach, describe, expect, it } from 'vitest';
import type { SocketMessage } from '../../../src/aries/index.js';
import { Journal } from '../../../src/execution/index.js';
import { memoryLog } from '../../support/backtest-settings.js';
import { Recorder } from '../aries-sim/e2e-rig.js';
import { startLiveSession } from './fixtures/live-session.js';
import { LiveRig } from './live-rig.js';
import { SessionLines } from './session-lines.js';

let rig: LiveRig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

const isFill = (m: SocketMessage): boolean => JSON.stringify(m).includes('"FILLED"');

describe('T-4: a fill before the place acknowledgement (live mode, real stack)', () => {
  it('buffers the fill that arrives on the account socket before the place response and applies it once the ack names the clOrdId', async () => {
    const r = (rig = await LiveRig.start());
    const journalPath = r.journal();
    r.sim.control.delayNextOrderResponse();
    const lines = new SessionLines();
    const log = memoryLog();
    let account: Recorder<SocketMessage> | undefined;
    const session = await startLiveSession({
      apiUrl: r.sim.baseUrl, tokenFile: r.tokenFile, journalPath, emit: lines.emit, log,
      prepare: (c) => void (account = new Recorder(c.accountSocket.messages$)),
    });
    const published = r.orderPublished();
    await session.ready;
    await published;
    expect(r.sim.control.heldCount()).toBe(1);

    // The order fills at the next bar's open; the runner's account socket gets the fill while the place call still waits.
    for (let i = 0; i < 4 && !(account?.seen.some(isFill) ?? false); i += 1) await r.step();
    await account?.next(isFill);
    expect(await r.brokerQty()).toBe(1);
    expect(lines.seen.filter((l) => l.t === 'order')).toEqual([]);

    const filled = lines.next('order', (l) => l.type === 'OrderFilled');
    expect(r.sim.control.releaseHeld()).toBe(1);
    await filled;
    session.stop();
    const summary = await session.done;

    expect((await lines.next('stop')).pos).toBe(1);
    expect(summary.fills).toBe(1);
    const types = lines.seen.flatMap((l) => (l.t === 'order' ? [l.type] : []));
    expect(types.filter((t) => t === 'OrderFilled')).toHaveLength(1);
    expect(types.indexOf('OrderAccepted')).toBeLessThan(types.indexOf('OrderFilled'));
    expect(log.lines.filter((l) => l.startsWith('error'))).toEqual([]);
    expect(lines.seen.some((l) => l.t === 'error' || l.t === 'unknown')).toBe(false);

    const journal = Journal.open(journalPath, { now: () => 0 });
    expect(journal.fillsSince(0)).toHaveLength(1);
    expect(journal.intentsWithoutVenueId()).toEqual([]);
    expect([...journal.positionsFromFills().values()]).toEqual([100_000_000n]);
    journal.close();
    expect(await r.venueOrders()).toHaveLength(1);
  });
});
