import { afterEach, describe, expect, it } from 'vitest';
import { Journal } from '../../../src/execution/index.js';
import { startLiveSession } from './fixtures/live-session.js';
import { LiveRig } from './live-rig.js';
import { SessionLines } from './session-lines.js';

let rig: LiveRig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

describe('T-1: a lost place response', () => {
  it('reports the outcome unknown, never resends, and finds the order at restart: one order at the venue, its id journaled', async () => {
    const r = (rig = await LiveRig.start());
    const journalPath = r.journal();
    r.sim.control.loseNextOrderResponse();

    const first = new SessionLines();
    const run1 = await startLiveSession({ apiUrl: r.sim.baseUrl, tokenFile: r.tokenFile, journalPath, emit: first.emit });
    await run1.ready;
    const published = r.orderPublished();
    await r.step();
    await Promise.all([first.next('unknown'), published]);
    run1.stop();
    await run1.done;
    expect(await r.venueOrders()).toHaveLength(1);
    let journal = Journal.open(journalPath, { now: () => 0 });
    const [lost] = journal.intentsWithoutVenueId();
    journal.close();
    expect(lost).toBeDefined();

    const second = new SessionLines();
    const run2 = await startLiveSession({ apiUrl: r.sim.baseUrl, tokenFile: r.tokenFile, journalPath, emit: second.emit });
    await run2.ready;
    // The strategy sees the recovered order (working or filled) and does not buy again.
    const firstTrade = await second.next('trade');
    expect(firstTrade.sent).toBe(false);
    expect(firstTrade.open + firstTrade.pos).toBe(1);
    run2.stop();
    await run2.done;

    const venue = await r.venueOrders();
    expect(venue).toHaveLength(1);
    journal = Journal.open(journalPath, { now: () => 0 });
    expect(journal.intentsWithoutVenueId()).toEqual([]);
    expect(journal.order(lost?.id ?? ('' as never))?.venueOrderId).toBe(venue[0]?.venueOrderId);
    journal.close();
  });
});
