/** Every scope the simulator can grant (aries-api.md §2.3). */
export const ALL_SCOPES: readonly string[] = [
  'user:management', 'user:information', 'account:information', 'order:execution', 'order:information',
  'position:information', 'market:information', 'calendar:information', 'options:information',
  'analytics:information', 'market:supplemental',
];
