import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LiveClock } from '../time/index.js';
import { controlEndpoint } from './faults/control-endpoint.js';
import type { SimControl } from './faults/sim-control.js';
import { SimFaults } from './faults/sim-faults.js';
import { accountRoutes } from './http/account-routes.js';
import { handleRequest, type RequestDeps } from './http/handle-request.js';
import { orderRoutes } from './http/order-routes.js';
import { DEFAULT_RATE_LIMITS, SimRateLimits } from './http/rate-limits.js';
import type { SimServices } from './http/sim-services.js';
import { loadCalendarFixture } from './market/calendar-fixture.js';
import { marketRoutes } from './market/market-routes.js';
import { AuthCodes } from './oauth/auth-codes.js';
import { oauthRoutes } from './oauth/oauth-routes.js';
import { SimTokens } from './oauth/sim-tokens.js';
import { DEFAULT_SIM_ACCOUNTS, DEFAULT_SIM_CLIENTS } from './sim-defaults.js';
import type { SimulatorHandle, SimulatorOptions } from './sim-options.js';
import { SimBroker } from './state/sim-broker.js';
import { attachSimSockets, clockTimers, type SimSockets } from './ws/index.js';

const HOUR = 3_600_000;

function buildServices(o: SimulatorOptions): SimServices {
  const clock = o.clock ?? new LiveClock();
  const broker = new SimBroker(o.marketClock ?? clock, o.accounts ?? DEFAULT_SIM_ACCOUNTS, o.fill ?? {});
  return {
    clock, broker,
    tokens: new SimTokens(clock, { accessTtlMs: o.accessTokenTtlMs ?? HOUR, refreshTtlMs: o.refreshTokenTtlMs ?? 720 * HOUR, rotate: o.rotateRefreshTokens ?? true }),
    codes: new AuthCodes(clock, o.codeTtlMs ?? 600_000),
    clients: o.clients ?? DEFAULT_SIM_CLIENTS,
    headless: o.headless ?? false,
    faults: new SimFaults(o.seed ?? 1, o.errorRate ?? 0),
    calendar: loadCalendarFixture(o.calendarFile),
    symbols: o.symbols ?? [],
  };
}

function buildControl(s: SimServices): SimControl {
  const f = s.faults;
  return {
    failNext: (status, count, path) => f.failNext(status, count, path),
    delayNextOrderResponse: (ms) => f.delayNextOrderResponse(ms),
    loseNextOrderResponse: (count) => f.loseNextOrderResponse(count),
    releaseHeld: () => f.releaseHeld(),
    heldCount: () => f.heldCount(),
    expireAllTokens: () => s.tokens.expireAll(),
    rejectNextOrder: (reason) => f.rejectNextOrder(reason),
    reset: () => f.reset(),
    pushBar: (bar) => s.broker.observeBar(bar),
    auth: s.tokens,
    accountFeed: s.broker,
    accountIds: () => s.broker.accountIds(),
  };
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/**
 * Starts the local Aries simulator on 127.0.0.1: OAuth, REST, fault injection and (when a socket
 * attacher is given) the WebSockets, over one SimulatedVenue per account. Returns once listening.
 */
export async function startSimulator(options: SimulatorOptions = {}): Promise<SimulatorHandle> {
  const services = buildServices(options);
  const control = buildControl(services);
  const timers = new Set<NodeJS.Timeout>();
  const deps: RequestDeps = {
    services,
    routes: [...oauthRoutes(services), ...accountRoutes(services), ...orderRoutes(services), ...marketRoutes(services)],
    limits: new SimRateLimits(() => services.clock.now(), { ...DEFAULT_RATE_LIMITS, ...options.rateLimits }),
    control: options.controlEndpoint === true ? controlEndpoint(control) : undefined,
    later: (ms, run) => {
      const t = setTimeout(() => {
        timers.delete(t);
        run();
      }, ms);
      timers.add(t);
    },
  };
  const server = createServer((req, res) => {
    handleRequest(deps, req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'internal_error', message: 'simulator error' }));
    });
  });
  if (options.bars !== undefined) services.broker.follow(options.bars);
  const sockets: SimSockets | undefined = options.sockets === false ? undefined : attachSimSockets(server, {
    auth: services.tokens, account: services.broker, market: options.market, now: () => services.clock.now(),
    timers: clockTimers(services.clock), options: { seed: options.seed ?? 1, ...options.sockets },
  });
  const port = await listen(server, options.port ?? 0);
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    port,
    control,
    sockets,
    close: async () => {
      for (const t of timers) clearTimeout(t);
      services.faults.reset();
      await sockets?.close();
      services.broker.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
