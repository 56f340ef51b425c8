import {
  amountFromNumber, parseAmount, toExecId, toOrderId, toSymbol,
  type Amount, type Bar, type EpochMs, type Fill, type OrderIntent, type OrderSide, type OrderType, type TimeInForce,
} from '../../src/core/index.js';
import { NyseCalendar, type Session } from '../../src/time/index.js';

const calendar = new NyseCalendar();

/** Returns the exact Amount of a decimal literal; throws on a typo so a test cannot pass on `undefined`. */
export function amt(text: string): Amount {
  const value = parseAmount(text);
  if (value === undefined) throw new Error(`bad amount literal "${text}"`);
  return value;
}

/** Returns the NYSE regular session of a trading day; throws on a weekend or holiday. */
export function session(day: string): Session {
  const s = calendar.session(day);
  if (s === undefined) throw new Error(`${day} is not an NYSE trading day`);
  return s;
}

/** The fields of a hand-made daily bar. */
export interface BarSpec {
  readonly symbol?: string;
  readonly day: string;
  readonly o: number;
  readonly h: number;
  readonly l: number;
  readonly c: number;
  readonly v?: number;
}

/** Returns a daily bar whose `ts`/`tsEnd` are that day's NYSE open and close. */
export function bar(spec: BarSpec): Bar {
  const s = session(spec.day);
  return {
    kind: 'bar', symbol: toSymbol(spec.symbol ?? 'T'), ts: s.open, tsEnd: s.close,
    open: spec.o, high: spec.h, low: spec.l, close: spec.c, volume: spec.v ?? 1_000_000,
  };
}

/** The fields of a test order intent; prices and quantity are plain numbers made exact here. */
export interface IntentSpec {
  readonly id?: string;
  readonly symbol?: string;
  readonly side?: OrderSide;
  readonly qty?: number;
  readonly type?: OrderType;
  readonly tif?: TimeInForce;
  readonly limit?: number;
  readonly stop?: number;
  readonly ts?: EpochMs;
}

/** Returns an order intent (default: BUY 100 T MARKET GTC). */
export function intent(spec: IntentSpec = {}): OrderIntent {
  return {
    id: toOrderId(spec.id ?? 'O-1'),
    symbol: toSymbol(spec.symbol ?? 'T'),
    side: spec.side ?? 'BUY',
    qty: amountFromNumber(spec.qty ?? 100),
    type: spec.type ?? 'MARKET',
    tif: spec.tif ?? 'GTC',
    ...(spec.limit === undefined ? {} : { limitPrice: amountFromNumber(spec.limit) }),
    ...(spec.stop === undefined ? {} : { stopPrice: amountFromNumber(spec.stop) }),
    tsCreated: spec.ts ?? 0,
  };
}

/** The fields of a test fill. */
export interface FillSpec {
  readonly symbol?: string;
  readonly side: OrderSide;
  readonly qty: number;
  readonly price: number;
  readonly commission?: number;
  readonly ts?: EpochMs;
  readonly orderId?: string;
}

let execCounter = 0;

/** Returns a fill with exact amounts (default symbol T, no commission). */
export function fill(spec: FillSpec): Fill {
  execCounter += 1;
  return {
    orderId: toOrderId(spec.orderId ?? 'O-1'), execId: toExecId(`E-${execCounter}`), symbol: toSymbol(spec.symbol ?? 'T'),
    side: spec.side, qty: amountFromNumber(spec.qty), price: amountFromNumber(spec.price),
    commission: amountFromNumber(spec.commission ?? 0), ts: spec.ts ?? 0,
  };
}
