import type { OrderSide } from '../core/index.js';

/** What a slippage model is told: the side and the price the fill rule chose. */
export interface SlippageParams {
  readonly side: OrderSide;
  readonly price: number;
}

/** Returns the price after slippage (applies to market-like fills, never to limit prices). */
export interface SlippageModel {
  adjust(p: SlippageParams): number;
}

/** Returns a model that moves every market-like fill `bps` basis points against the order. */
export function fixedBpsSlippage(bps: number): SlippageModel {
  const factor = bps / 10_000;
  return {
    adjust: (p) => (factor === 0 ? p.price : p.side === 'BUY' ? p.price * (1 + factor) : p.price * (1 - factor)),
  };
}
