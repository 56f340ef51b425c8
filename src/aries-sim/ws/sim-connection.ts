import WebSocket from 'ws';
import type { SimAuth, SimPrincipal } from '../sim-ports.js';
import type { Channel, ChannelHost } from './channel.js';
import { parseClientFrame } from './inbound.js';
import type { ClientMessage } from './inbound.js';
import { Outbox } from './outbox.js';
import { authSuccess, controlEvent, errorEvent, pongMessage } from './server-messages.js';
import type { ServerMessage } from './server-messages.js';
import type { SessionSettings } from './session-settings.js';
import type { SimTimers } from './sim-socket-types.js';
import type { SocketCounters } from './socket-counters.js';

/** What every connection shares. */
export interface ConnectionContext {
  readonly auth: SimAuth;
  readonly now: () => number;
  readonly timers: SimTimers;
  readonly settings: SessionSettings;
  readonly silenced: () => boolean;
  readonly counters: SocketCounters;
}

const CLOSE_POLICY = 1008;
const CLOSE_EXPIRED = 4001;

function rawText(data: WebSocket.RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.from(data).toString('utf8');
}

/**
 * One server-side socket: the `/auth` deadline, the session (refreshAuth warning, authExpired and
 * close), pings, and the NDJSON outbox; subscriptions go to the endpoint's channel.
 */
export class SimConnection implements ChannelHost {
  private readonly outbox: Outbox;
  private readonly channel: Channel;
  private user: SimPrincipal | undefined;
  private cancels: (() => void)[] = [];

  constructor(
    private readonly ws: WebSocket,
    private readonly ctx: ConnectionContext,
    makeChannel: (host: ChannelHost) => Channel,
  ) {
    this.outbox = new Outbox((frame, n) => this.write(frame, n), ctx.silenced);
    this.channel = makeChannel(this);
    this.arm(ctx.settings.authTimeoutMs, () => this.onAuthTimeout());
    ws.on('message', (data) => this.onFrame(rawText(data)));
    // autoPong is off on the server so a silenced socket can also ignore ws-level pings.
    ws.on('ping', (data) => {
      if (!ctx.silenced() && ws.readyState === WebSocket.OPEN) ws.pong(data);
    });
  }

  send(message: ServerMessage): void {
    this.outbox.push(message);
  }

  principal(): SimPrincipal | undefined {
    return this.user;
  }

  now(): number {
    return this.ctx.now();
  }

  /** Drops the TCP connection with no close handshake. */
  terminate(): void {
    this.ws.terminate();
  }

  /** Closes with a close frame after sending what is queued. */
  close(code: number, reason: string): void {
    this.outbox.flush();
    if (this.ws.readyState === WebSocket.OPEN || this.ws.readyState === WebSocket.CONNECTING) this.ws.close(code, reason);
  }

  /** Stops timers and the channel; called once the socket has closed. */
  dispose(): void {
    this.disarm();
    this.outbox.discard();
    this.channel.dispose();
  }

  private onFrame(text: string): void {
    if (this.ctx.silenced()) return;
    for (const message of parseClientFrame(text)) this.onMessage(message);
  }

  private onMessage(m: ClientMessage): void {
    switch (m.kind) {
      case 'auth':
        return this.authenticate(m.id, m.token);
      case 'ping':
        return this.send(pongMessage(m.id, this.now()));
      case 'subscribe':
      case 'unsubscribe':
        if (this.user === undefined) return this.send(errorEvent('authentication required', m.id, this.now()));
        return m.kind === 'subscribe' ? this.channel.subscribe(m.id, m.payload) : this.channel.unsubscribe(m.id, m.payload);
      case 'invalid':
        return this.send(errorEvent(m.reason, m.id, this.now()));
      default: {
        const unreachable: never = m;
        return unreachable;
      }
    }
  }

  private authenticate(id: string | undefined, token: string): void {
    const principal = this.ctx.auth.authenticate(token);
    if (principal === undefined) {
      this.ctx.counters.authFailures += 1;
      this.send(errorEvent('authentication failed', id, this.now()));
      this.close(CLOSE_POLICY, 'authentication failed');
      return;
    }
    this.ctx.counters.authSuccesses += 1;
    this.user = principal;
    this.startSession();
    this.send(authSuccess(id, this.ctx.settings.sessionTtlMs, this.now()));
    this.channel.onAuthenticated();
  }

  /** (Re)starts the session clock: a re-auth on the same socket resets both deadlines. */
  private startSession(): void {
    this.disarm();
    const { sessionTtlMs, refreshWarningMs } = this.ctx.settings;
    if (refreshWarningMs > 0 && refreshWarningMs < sessionTtlMs) {
      this.arm(sessionTtlMs - refreshWarningMs, () => this.send(controlEvent('refreshAuth', this.now(), { expiresIn: refreshWarningMs })));
    }
    this.arm(sessionTtlMs, () => this.onExpired());
  }

  private onAuthTimeout(): void {
    if (this.user !== undefined || this.ctx.silenced()) return;
    this.ctx.counters.authTimeouts += 1;
    this.send(errorEvent('authentication timeout', undefined, this.now()));
    this.close(CLOSE_POLICY, 'authentication timeout');
  }

  private onExpired(): void {
    this.user = undefined;
    if (this.ctx.silenced()) return;
    this.ctx.counters.expired += 1;
    this.send(controlEvent('authExpired', this.now()));
    this.close(CLOSE_EXPIRED, 'auth expired');
  }

  private arm(ms: number, callback: () => void): void {
    this.cancels.push(this.ctx.timers.schedule(callback, ms));
  }

  private disarm(): void {
    for (const cancel of this.cancels) cancel();
    this.cancels = [];
  }

  private write(frame: string, messages: number): void {
    if (this.ws.readyState !== WebSocket.OPEN) return;
    this.ws.send(frame);
    this.ctx.counters.frames += 1;
    this.ctx.counters.messages += messages;
  }
}
