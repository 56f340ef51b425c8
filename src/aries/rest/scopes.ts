/** The OAuth scopes Aries grants (aries-api.md §2.3). */
export const AriesScope = {
  USER_MANAGEMENT: 'user:management',
  USER_INFORMATION: 'user:information',
  ACCOUNT_INFORMATION: 'account:information',
  ORDER_EXECUTION: 'order:execution',
  ORDER_INFORMATION: 'order:information',
  POSITION_INFORMATION: 'position:information',
  MARKET_INFORMATION: 'market:information',
  CALENDAR_INFORMATION: 'calendar:information',
  OPTIONS_INFORMATION: 'options:information',
  ANALYTICS_INFORMATION: 'analytics:information',
  MARKET_SUPPLEMENTAL: 'market:supplemental',
} as const;
/** An OAuth scope Aries grants. */
export type AriesScope = (typeof AriesScope)[keyof typeof AriesScope];
