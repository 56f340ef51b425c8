/** The OAuth scopes Aries documents (aries-api.md §2.3). */
export const ARIES_SCOPES = [
  'user:management',
  'user:information',
  'account:information',
  'order:execution',
  'order:information',
  'position:information',
  'market:information',
  'calendar:information',
  'options:information',
  'analytics:information',
  'market:supplemental',
] as const;
/** One documented Aries scope. */
export type AriesScope = (typeof ARIES_SCOPES)[number];
