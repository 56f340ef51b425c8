/**
 * The kill switch: ACTIVE trades normally, REDUCING only lets positions shrink (exits pass),
 * HALTED refuses every new order, exits included (cancels do not go through the gate).
 */
export const TradingStatus = { ACTIVE: 'ACTIVE', REDUCING: 'REDUCING', HALTED: 'HALTED' } as const;
/** The kill switch's state. */
export type TradingStatus = (typeof TradingStatus)[keyof typeof TradingStatus];
