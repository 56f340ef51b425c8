import { afterEach, describe, expect, it } from 'vitest';
import { amountFromNumber, toOrderId, toSymbol, type OrderIntent } from '../../../src/core/index.js';
import { Journal, type JournalOrder } from '../../../src/execution/index.js';
import type { StrategyDefinition } from '../../../src/strategy/index.js';
import { startLiveSession, SYMBOL } from './fixtures/live-session.js';
import { LiveRig } from './live-rig.js';
import { SessionLines } from './session-lines.js';

let rig: LiveRig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

const idle: StrategyDefinition = { name: 'idle', params: {}, subscriptions: () => [{ kind: 'trades', symbol: SYMBOL }], onTrade: () => undefined };

function readOrder(journalPath: string, id: string): JournalOrder | undefined {
  const j = Journal.open(journalPath, { now: () => 0 });
  try {
    return j.order(toOrderId(id));
  } finally {
    j.close();
  }
}

describe('T-8: recent-order protection at start-up (live)', () => {
  it('does not mark an intent journaled just before the start as missing; lists again after the window and only then closes it', async () => {
    const r = (rig = await LiveRig.start());
    const journalPath = r.journal();
    // A crash right after journaling: the venue never heard of it. The journal dates an intent by its
    // creation time, which is put on the wall clock the start-up check uses (a wall-clock session's time).
    const seed = Journal.open(journalPath, { now: () => Date.now() });
    seed.startRun({ mode: 'live', strategy: 'idle', params: {}, configHash: '' });
    const intent: OrderIntent = { id: toOrderId('R0-O-000001'), symbol: toSymbol(SYMBOL), side: 'BUY', qty: amountFromNumber(1), type: 'MARKET', tif: 'DAY', tsCreated: Date.now() };
    seed.recordIntent(intent);
    seed.close();

    const atFirstPass: (JournalOrder | undefined)[] = [];
    const recentWarnings: unknown[] = [];
    const lines = new SessionLines();
    const session = await startLiveSession({
      apiUrl: r.sim.baseUrl, tokenFile: r.tokenFile, journalPath, emit: lines.emit, strategy: idle,
      log: {
        info: () => undefined, error: () => undefined,
        warn: (m, f) => {
          if (!m.includes('too recent to judge')) return;
          recentWarnings.push(f?.['orders']);
          atFirstPass.push(readOrder(journalPath, intent.id));
        },
      },
    });
    await session.ready;
    session.stop();
    await session.done;

    // The first listing skipped it (not missing, still without a venue id) ...
    expect(recentWarnings).toEqual([[intent.id]]);
    expect(atFirstPass[0]?.venueOrderId).toBeUndefined();
    expect(atFirstPass[0]?.status).not.toBe('REJECTED');
    // ... the listing after the window found nothing and closed it, without ever sending it.
    expect(readOrder(journalPath, intent.id)?.status).toBe('REJECTED');
    const j = Journal.open(journalPath, { now: () => 0 });
    expect(j.intentsWithoutVenueId()).toEqual([]);
    j.close();
    expect(await r.venueOrders()).toEqual([]);
  });
});
