import { EventEmitter } from 'node:events';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

/** Switches the test server flips to misbehave. */
export interface ServerBehavior {
  /** Answer `/auth` with an error event. */
  refuseAuth: boolean;
  /** Never answer `/auth`. */
  ignoreAuth: boolean;
  /** Answer nothing at all: no pong frames, no pong messages, no acks (a half-open link). */
  silent: boolean;
}

/** One message the server received, tagged with its 1-based connection number. */
export interface LoggedMessage {
  readonly conn: number;
  readonly message: Readonly<Record<string, unknown>>;
}

function record(value: unknown): Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

/** A minimal Aries-like socket server on 127.0.0.1 with a message log and subscription counters. */
export class TestAriesServer {
  readonly behavior: ServerBehavior = { refuseAuth: false, ignoreAuth: false, silent: false };
  readonly log: LoggedMessage[] = [];
  private readonly sockets: WebSocket[] = [];
  private readonly subscribeCounts: Map<string, number>[] = [];
  private readonly closedConns = new Set<number>();
  private readonly changes = new EventEmitter();

  private constructor(private readonly wss: WebSocketServer) {
    wss.on('connection', (ws) => this.accept(ws));
  }

  /** Starts a server on an ephemeral port. */
  static async start(): Promise<TestAriesServer> {
    const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, autoPong: false });
    await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
    return new TestAriesServer(wss);
  }

  get url(): string {
    const { port } = this.wss.address() as AddressInfo;
    return `ws://127.0.0.1:${port}/v1/market/ws`;
  }

  /** Returns how many connections were accepted. */
  get connections(): number {
    return this.sockets.length;
  }

  /** Returns subscribe counts by payload (JSON) for connection `conn` (1-based). */
  subscriptions(conn: number): ReadonlyMap<string, number> {
    return this.subscribeCounts[conn - 1] ?? new Map();
  }

  /** Returns whether connection `conn` has closed. */
  isClosed(conn: number): boolean {
    return this.closedConns.has(conn);
  }

  /** Returns the logged messages of one connection with the given type. */
  received(conn: number, type: string): readonly Readonly<Record<string, unknown>>[] {
    return this.log.filter((m) => m.conn === conn && m.message['type'] === type).map((m) => m.message);
  }

  /** Sends a raw frame on connection `conn` (default: the latest). */
  sendRaw(text: string, conn = this.connections): void {
    this.sockets[conn - 1]?.send(text);
  }

  /** Sends one JSON message. */
  sendJson(value: unknown, conn = this.connections): void {
    this.sendRaw(JSON.stringify(value), conn);
  }

  /** Sends a server event `{type:'event', payload}`. */
  sendEvent(payload: Readonly<Record<string, unknown>>, conn = this.connections): void {
    this.sendJson({ type: 'event', payload }, conn);
  }

  /** Kills the TCP connection without a close handshake. */
  drop(conn = this.connections): void {
    this.sockets[conn - 1]?.terminate();
  }

  /** Closes the connection with a close handshake. */
  closeConn(conn = this.connections): void {
    this.sockets[conn - 1]?.close(1000, 'bye');
  }

  /** Resolves once `predicate` holds; re-checked after every server-side event. */
  waitFor(predicate: () => boolean): Promise<void> {
    return new Promise((resolve) => {
      const check = (): void => {
        if (!predicate()) return;
        this.changes.off('change', check);
        resolve();
      };
      this.changes.on('change', check);
      check();
    });
  }

  /** Terminates every client and stops listening. */
  async close(): Promise<void> {
    for (const ws of this.sockets) ws.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private accept(ws: WebSocket): void {
    this.sockets.push(ws);
    this.subscribeCounts.push(new Map());
    const conn = this.sockets.length;
    ws.on('ping', (data) => {
      if (!this.behavior.silent) ws.pong(data);
    });
    ws.on('message', (data) => this.onMessage(ws, conn, JSON.parse(String(data)) as unknown));
    ws.on('close', () => {
      this.closedConns.add(conn);
      this.changes.emit('change');
    });
    this.changes.emit('change');
  }

  private onMessage(ws: WebSocket, conn: number, value: unknown): void {
    const message = record(value);
    this.log.push({ conn, message });
    if (!this.behavior.silent) this.answer(ws, conn, message);
    this.changes.emit('change');
  }

  private answer(ws: WebSocket, conn: number, message: Readonly<Record<string, unknown>>): void {
    const { type, id, payload } = message;
    if (type === 'ping') ws.send(JSON.stringify({ type: 'pong', id, timestamp: 1_701_450_000_123 }));
    if (type === 'subscribe') {
      const key = JSON.stringify(payload);
      const counts = this.subscribeCounts[conn - 1];
      counts?.set(key, (counts.get(key) ?? 0) + 1);
      ws.send(JSON.stringify({ type: 'response', id, payload: { action: 'subscribed' } }));
    }
    if (type === 'request' && record(payload)['path'] === '/auth') this.answerAuth(ws, id);
  }

  private answerAuth(ws: WebSocket, id: unknown): void {
    if (this.behavior.ignoreAuth) return;
    const payload = this.behavior.refuseAuth
      ? { action: 'error', error: 'authentication failed', id }
      : { action: 'authSuccess', id, data: { expiresIn: 2_700_000 } };
    ws.send(JSON.stringify({ type: 'event', payload }));
  }
}
