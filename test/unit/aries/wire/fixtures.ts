/** Shared fixtures and re-exports for the wire tests (copied from aries-api.md §7). */
export { barEnd, chartHistorySchema, chartHistoryToBars, earningsCalendarSchema, economicsCalendarSchema } from '../../../../src/aries/wire/index.js';

export const calendarsFixtures = {
  earnings: [
    { date: '2026-01-29', symbol: 'AAPL', name: 'Apple Inc.', hour: 'amc', quarter: 1, year: 2026, epsActual: null, epsEstimate: 2.35, epsSurprise: null, revenueActual: null, revenueEstimate: 124e9, revenueSurprise: null, marketCap: 3.5e12, logo: { logoLight: 'l', logoDark: 'd' }, analystRating: { currentRating: 'Buy', priceTarget: 250, totalRatings: 40, successRate: 0.6, averageReturn: '0.12' } },
  ],
  economics: {
    events: [{ calendarID: '123', date: '2026-01-09', time: '13:30', country: 'United States', category: 'Non Farm Payrolls', event: 'Non Farm Payrolls', importance: 3, reference: 'Dec', referenceDate: '2025-12-31T00:00:00', previous: '64K', forecast: '50K', teForecast: '55K', source: 'BLS', sourceUrl: 'https://www.bls.gov', unit: 'K', ticker: 'NFP TCH', symbol: 'NFP TCH', lastUpdate: '2026-01-09T13:30:00' }],
    importantDates: ['2026-01-09'],
  },
};
