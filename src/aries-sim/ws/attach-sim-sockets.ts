import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type WebSocket from 'ws';
import { AccountChannel } from './account-channel.js';
import { AccountHub } from './account-hub.js';
import type { Channel, ChannelHost } from './channel.js';
import { MarketChannel } from './market-channel.js';
import { MarketHub } from './market-hub.js';
import { nodeTimers, sessionSettings } from './session-settings.js';
import { SimConnection } from './sim-connection.js';
import type { AttachSocketsDeps, SimSockets, SimSocketStats, SocketKind } from './sim-socket-types.js';
import { newCounters } from './socket-counters.js';
import { createSocketFaults } from './socket-faults.js';
import type { SocketFaults } from './socket-faults.js';

/** The socket endpoints (aries-api.md §8.2, §8.4). */
export const SIM_SOCKET_PATHS: Readonly<Record<string, SocketKind>> = {
  '/v1/market/ws': 'market',
  '/v1/accounts/ws': 'account',
};

function refuse(socket: Duplex): void {
  socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
  socket.destroy();
}

/** The socket side of one HTTP server: routes upgrades, tracks connections, shares the feeds. */
class SimSocketServer implements SimSockets {
  readonly faults: SocketFaults;
  private readonly counters = newCounters();
  private readonly wss = new WebSocketServer({ noServer: true, autoPong: false });
  private readonly market: MarketHub;
  private readonly accounts: AccountHub;
  private readonly live = new Set<SimConnection>();
  private readonly onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => this.upgrade(req, socket, head);

  constructor(
    private readonly server: Server,
    private readonly deps: AttachSocketsDeps,
  ) {
    this.market = new MarketHub(deps.market);
    this.accounts = new AccountHub(deps.account, deps.options?.seed ?? 1);
    this.faults = createSocketFaults(() => this.terminateAll(), this.accounts);
    server.on('upgrade', this.onUpgrade);
  }

  get stats(): SimSocketStats {
    return { ...this.counters };
  }

  async close(): Promise<void> {
    this.server.off('upgrade', this.onUpgrade);
    this.market.dispose();
    this.accounts.dispose();
    const closing = [...this.wss.clients].map(
      (ws) =>
        new Promise<void>((resolve) => {
          ws.once('close', () => resolve());
          ws.close(1001, 'server closing');
          // A peer that never answers the close frame is cut off after a second of wall time
          // (not the injected timers: a virtual clock may never get there).
          nodeTimers.schedule(() => ws.terminate(), 1_000);
        }),
    );
    await Promise.all(closing);
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const kind = SIM_SOCKET_PATHS[new URL(req.url ?? '/', 'http://127.0.0.1').pathname];
    if (kind === undefined) {
      this.counters.rejected += 1;
      refuse(socket);
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws, kind));
  }

  private accept(ws: WebSocket, kind: SocketKind): void {
    this.counters.accepted += 1;
    this.counters.open += 1;
    const ctx = {
      auth: this.deps.auth,
      now: this.deps.now,
      timers: this.deps.timers ?? nodeTimers,
      settings: sessionSettings(kind, this.deps.options),
      silenced: () => this.faults.silenced,
      counters: this.counters,
    };
    const connection = new SimConnection(ws, ctx, (host) => this.channel(kind, host));
    this.live.add(connection);
    ws.on('close', () => {
      this.live.delete(connection);
      this.counters.open -= 1;
      connection.dispose();
    });
    ws.on('error', () => undefined); // a broken peer only closes its own socket
  }

  private channel(kind: SocketKind, host: ChannelHost): Channel {
    return kind === 'market' ? new MarketChannel(host, this.market) : new AccountChannel(host, this.accounts);
  }

  private terminateAll(): number {
    const all = [...this.live];
    for (const c of all) c.terminate();
    return all.length;
  }
}

/**
 * Serves the market and account WebSockets on `server` through its `upgrade` event (any other
 * path gets 404): `/auth` within the deadline, sessions with `refreshAuth` and `authExpired`,
 * NDJSON-batched market updates, account snapshots and events, and socket faults.
 */
export function attachSimSockets(server: Server, deps: AttachSocketsDeps): SimSockets {
  return new SimSocketServer(server, deps);
}
