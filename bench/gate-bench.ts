import { defaultConfig } from '../src/config/index.js';
import { amountFromNumber, toOrderId, toSymbol, type OrderIntent } from '../src/core/index.js';
import { gateStages } from '../src/modes/index.js';
import { Ledger } from '../src/portfolio/index.js';
import { composeGate, TradingState, type RiskContext } from '../src/risk/index.js';
import { NyseCalendar, VirtualClock } from '../src/time/index.js';

/**
 * Returns the gate's cost per intent in ns: local checks (shape, limits, buying power, market
 * hours, open orders, duplicates, order rate), the kill switch and the rate limiter, with preview
 * off and a terminal that accepts. Also returns how many were submitted, as a sanity check.
 */
export function gateCostPerIntent(intents: number): { nsPerIntent: number; submitted: number } {
  const clock = new VirtualClock(Date.UTC(2024, 0, 3, 15, 0));
  const calendar = new NyseCalendar();
  const ledger = new Ledger(amountFromNumber(1e9));
  const risk = {
    ...defaultConfig().risk, preview: false, marketHoursCheck: true, buyingPowerCheck: true, maxOrderQty: 1e6,
    maxOrderNotional: 1e9, maxPositionQty: 1e12, maxOpenOrders: 1000, duplicateWindowMs: 1, tradingRatePerMinute: 1e9,
    maxOrderRate: { count: 1e9, intervalMs: 1000 },
  };
  const symbol = toSymbol('BENCH');
  const ctx: RiskContext = {
    get now() { return clock.now(); }, portfolio: ledger, openOrders: [], lastPrice: () => 100, calendar, queueForNextOpen: false,
  };
  const previewer = { preview: () => { throw new Error('preview is off'); } };
  const stages = gateStages(risk, clock, new TradingState(), previewer as never)(() => ctx);
  const submit = composeGate(stages, () => ({ kind: 'submitted' }));
  const qty = amountFromNumber(10);
  let submitted = 0;
  const start = process.hrtime.bigint();
  for (let i = 0; i < intents; i += 1) {
    clock.advanceTo(clock.now() + 2);
    const intent: OrderIntent = { id: toOrderId(`O-${i}`), symbol, side: i % 2 === 0 ? 'BUY' : 'SELL', qty, type: 'MARKET', tif: 'DAY', tsCreated: clock.now() };
    const outcome = submit(intent);
    if (!(outcome instanceof Promise) && outcome.kind === 'submitted') submitted += 1;
  }
  const ns = Number(process.hrtime.bigint() - start);
  return { nsPerIntent: ns / intents, submitted };
}
