import type { OrderIntent, RiskVerdict } from '../core/index.js';
import type { RiskContext } from './risk-context.js';

/** One pre-trade check. Returns a verdict; never throws for a refused order. */
export interface RiskCheck {
  readonly name: string;
  check(intent: OrderIntent, ctx: RiskContext): RiskVerdict;
}
