import { ok } from '../state/sim-reply.js';
import type { SimRoute } from '../http/sim-route.js';
import type { SimServices } from '../http/sim-services.js';
import { udfHistory } from './udf-history.js';

function searchLimit(q: URLSearchParams): number {
  const n = Number(q.get('limit') ?? '20');
  return Number.isInteger(n) && n >= 1 && n <= 100 ? n : 20;
}

function symbolSearch(s: SimServices, q: URLSearchParams): unknown[] {
  const query = (q.get('query') ?? '').trim().toUpperCase();
  const known = new Map(s.calendar.symbols.map((e) => [e.symbol, e]));
  for (const symbol of [...s.symbols, ...s.broker.history.symbols()]) {
    if (!known.has(symbol)) known.set(symbol, { symbol, description: `${symbol} (simulated)`, tag: 'SIM', type: 'stock' });
  }
  // A leading "." searches options and "/" futures; the simulator lists neither.
  if (query.startsWith('.') || query.startsWith('/')) return [];
  return [...known.values()].filter((e) => e.symbol.startsWith(query)).slice(0, searchLimit(q));
}

function inRange(date: string, from: string | null, to: string | null): boolean {
  return (from === null || date >= from) && (to === null || date <= to);
}

/** Returns the market-data and calendar routes (aries-api.md §6–§7). */
export function marketRoutes(s: SimServices): SimRoute[] {
  const market = { category: 'market', bearer: true } as const;
  return [
    { ...market, method: 'GET', path: '/v1/chart/history', scopes: ['market:information'], handle: (c) => ok(udfHistory(s.broker.history, c.query)) },
    { ...market, method: 'GET', path: '/v1/marketdata/search', scopes: ['market:information'], handle: (c) => ok(symbolSearch(s, c.query)) },
    {
      ...market, method: 'GET', path: '/v1/calendars/earnings', scopes: ['calendar:information'],
      handle: (c) => {
        const symbol = c.query.get('symbol')?.toUpperCase();
        return ok(s.calendar.earnings.filter((e) => inRange(e.date, c.query.get('from'), c.query.get('to')) && (symbol === undefined || e.symbol === symbol)));
      },
    },
    {
      ...market, method: 'GET', path: '/v1/calendars/economics', scopes: ['calendar:information'],
      handle: (c) => {
        const date = c.query.get('date');
        const events = s.calendar.economics.filter((e) => date === null || e.date === date);
        return ok({ events, importantDates: [...new Set(s.calendar.economics.map((e) => e.date))].sort() });
      },
    },
  ];
}
