/**
 * The headline JSON of a backtest (`report.json`). Keys appear in exactly this order; money is a
 * decimal string, every other float is rounded to 12 significant digits, and a figure that is
 * undefined for the run (no returns, no losses, no drawdown, …) is `null`.
 */
export interface BacktestReport {
  readonly strategy: string;
  readonly params: Readonly<Record<string, string | number | boolean>>;
  readonly symbols: readonly string[];
  /** `YYYY-MM-DD` in the result's time zone. */
  readonly from: string;
  /** `YYYY-MM-DD` in the result's time zone. */
  readonly to: string;
  readonly bars: number;
  readonly startingCash: string;
  readonly finalEquity: string;
  readonly totalReturn: number | null;
  readonly cagr: number | null;
  readonly volatility: number | null;
  readonly sharpe: number | null;
  readonly sortino: number | null;
  /** A negative fraction (−0.1 is a 10 % fall), or `null` when equity never fell. */
  readonly maxDrawdown: number | null;
  /** Date of the peak before the deepest fall. */
  readonly maxDrawdownStart: string | null;
  /** Date of the trough of the deepest fall. */
  readonly maxDrawdownEnd: string | null;
  readonly calmar: number | null;
  readonly trades: number;
  readonly winRate: number | null;
  readonly profitFactor: number | null;
  /** Fraction of bar closes with a position open. */
  readonly exposure: number | null;
  /** Number of orders. */
  readonly orders: number;
  readonly fills: number;
  readonly commission: string;
  readonly orderListHash: string;
  readonly seed: number;
}
