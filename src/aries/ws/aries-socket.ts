import { Observable, Subject } from 'rxjs';
import { RunnerError } from '../../core/index.js';
import { Backoff } from './backoff.js';
import { AuthHandshake } from './auth-handshake.js';
import { classifyEnvelope, ControlKind } from './control.js';
import { toSocketMessage, type Envelope } from './envelope.js';
import { parseFrame } from './frame-parser.js';
import { SocketLink } from './socket-link.js';
import { SubscriptionRegistry } from './subscription-registry.js';
import { defaultTimers, errorLabel } from './socket-support.js';
import { SocketState, type SocketMessage, type SocketStateEvent, type SocketStats } from './socket-events.js';
import { DEFAULT_SOCKET_TIMING } from './socket-options.js';
import type { AriesSocketOptions, SocketLogger, SocketTimers, SocketTiming, TimerHandle } from './socket-options.js';

type StateDetail = Pick<SocketStateEvent, 'delayMs' | 'reason' | 'topics'>;

/**
 * One Aries WebSocket endpoint (§8): connects, authenticates within `authTimeoutMs`, (re)subscribes each
 * registered topic exactly once per connection, keeps the link alive, re-authenticates in place on
 * `refreshAuth`, and reconnects with jittered backoff on close, `authExpired`, auth failure or silence.
 */
export class AriesSocket {
  /** Application messages in arrival order; completes on `close()`. */
  readonly messages$: Observable<SocketMessage>;
  /** Connection-state changes; completes on `close()`. */
  readonly state$: Observable<SocketStateEvent>;

  private readonly messages = new Subject<SocketMessage>();
  private readonly states = new Subject<SocketStateEvent>();
  private readonly timing: SocketTiming;
  private readonly timers: SocketTimers;
  private readonly now: () => number;
  private readonly log: SocketLogger;
  private readonly name: string;
  private readonly backoff: Backoff;
  private readonly subscriptions = new SubscriptionRegistry();
  private readonly auth: AuthHandshake;
  private link: SocketLink | undefined;
  private reconnectTimer: TimerHandle | undefined;
  private authenticatedAt: number | undefined;
  private started = false;
  private closed = false;
  private seq = 0;
  private counts = { received: 0, malformed: 0, connections: 0 };

  constructor(private readonly options: AriesSocketOptions) {
    this.timing = { ...DEFAULT_SOCKET_TIMING, ...options.timing };
    this.timers = options.timers ?? defaultTimers;
    this.now = options.now ?? (() => Date.now());
    this.log = options.logger;
    this.name = options.name ?? 'aries';
    const { backoffStartMs, backoffFactor, backoffCapMs, backoffJitterMs } = this.timing;
    const settings = { startMs: backoffStartMs, factor: backoffFactor, capMs: backoffCapMs, jitterMs: backoffJitterMs };
    this.backoff = new Backoff(settings, options.rng);
    this.auth = new AuthHandshake(this.timers, this.timing.authTimeoutMs);
    this.messages$ = this.messages.asObservable();
    this.state$ = this.states.asObservable();
  }

  /** Returns a snapshot of the counters. */
  get stats(): SocketStats {
    return { ...this.counts };
  }

  /** Returns whether the current connection has completed `/auth`. */
  get authenticated(): boolean {
    return this.authenticatedAt !== undefined;
  }

  /** Starts connecting; a second call does nothing. Throws `ARIES_WS_CLOSED` after `close()`. */
  connect(): void {
    if (this.closed) throw new RunnerError('ARIES_WS_CLOSED', `${this.name} socket is closed`);
    if (this.started) return;
    this.started = true;
    this.open();
  }

  /**
   * Registers a subscription under `key` and sends it now if authenticated, else after the next auth.
   * A key already registered is left alone, so a repeat call never sends a duplicate.
   */
  subscribe(key: string, payload: unknown, unsubscribePayload: unknown = payload): void {
    if (!this.subscriptions.add({ key, subscribePayload: payload, unsubscribePayload })) return;
    if (this.authenticated) this.flushSubscriptions();
  }

  /** Forgets the subscription and, if it was sent on this connection, sends the unsubscribe request. */
  unsubscribe(key: string): void {
    const removed = this.subscriptions.remove(key);
    if (removed === undefined || !removed.wasSent || this.link === undefined) return;
    this.link.send({ type: 'unsubscribe', id: `unsub-${this.nextSeq()}`, payload: removed.entry.unsubscribePayload });
  }

  /** Returns the registered subscription keys. */
  topics(): readonly string[] {
    return this.subscriptions.keys();
  }

  /** Stops everything: timers, the socket (close handshake) and both streams. Resolves once closed. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.reconnectTimer !== undefined) this.timers.clearTimeout(this.reconnectTimer);
    this.reconnectTimer = undefined;
    const link = this.link;
    this.endConnection();
    this.emit(SocketState.CLOSED);
    this.messages.complete();
    this.states.complete();
    if (link !== undefined) await link.dispose(true);
  }

  private open(): void {
    this.reconnectTimer = undefined;
    this.counts.connections += 1;
    this.emit(SocketState.CONNECTING);
    const { pingIntervalMs: intervalMs, heartbeatGraceMs: graceMs } = this.timing;
    const keepAlive = { intervalMs, graceMs, timers: this.timers, now: this.now };
    this.link = new SocketLink(this.options.url, keepAlive, {
      onOpen: () => this.onOpen(),
      onFrame: (text) => this.onFrame(text),
      onStale: (silentMs) => {
        this.emit(SocketState.STALE, { reason: `silent for ${silentMs} ms` });
        this.reconnect('stale');
      },
      onClose: (code) => this.reconnect(`closed (${code})`),
      onError: (error) => this.log.warn('aries ws: socket error', { socket: this.name, error: errorLabel(error) }),
    });
  }

  private onOpen(): void {
    this.emit(SocketState.CONNECTED);
    this.startAuth(() => this.options.getAccessToken());
  }

  private startAuth(fetchToken: () => Promise<string>): void {
    const link = this.link;
    void this.auth.start(fetchToken, (message) => link?.send(message), (reason, error) => {
      if (error !== undefined) this.log.error('aries ws: no access token', { socket: this.name, error: errorLabel(error) });
      this.reconnect(reason);
    });
  }

  private onFrame(text: string): void {
    const frame = parseFrame(text);
    for (const reason of frame.malformed) {
      this.counts.malformed += 1;
      this.log.warn('aries ws: malformed message skipped', { socket: this.name, reason, frameBytes: text.length });
    }
    for (const envelope of frame.envelopes) {
      if (this.link === undefined) return;
      this.onEnvelope(envelope);
    }
  }

  private onEnvelope(envelope: Envelope): void {
    const kind = classifyEnvelope(envelope, this.auth.pendingAuthId);
    switch (kind) {
      case ControlKind.AUTH_SUCCESS:
        return this.onAuthSuccess();
      case ControlKind.AUTH_ERROR:
        this.log.warn('aries ws: authentication rejected', { socket: this.name });
        return this.reconnect('auth rejected');
      case ControlKind.AUTH_REQUIRED:
      case ControlKind.REFRESH_AUTH:
        return this.reauthenticate(kind);
      case ControlKind.AUTH_EXPIRED:
        return this.reconnect('auth expired');
      case ControlKind.KEEP_ALIVE:
        return;
      case ControlKind.APP:
        return this.deliver(envelope);
      default: {
        const unreachable: never = kind;
        throw new RunnerError('ARIES_WS_UNREACHABLE', `unknown control kind ${String(unreachable)}`);
      }
    }
  }

  private reauthenticate(kind: typeof ControlKind.AUTH_REQUIRED | typeof ControlKind.REFRESH_AUTH): void {
    if (this.auth.pendingAuthId !== undefined) return; // an /auth is already on its way
    this.log.info('aries ws: re-authenticating', { socket: this.name, reason: kind });
    const fetchToken = kind === ControlKind.REFRESH_AUTH ? this.options.refreshAccessToken : this.options.getAccessToken;
    this.startAuth(() => fetchToken());
  }

  private onAuthSuccess(): void {
    if (!this.auth.succeed()) return;
    if (this.authenticatedAt !== undefined) {
      this.emit(SocketState.AUTHENTICATED, { reason: 'refresh' });
      return;
    }
    this.authenticatedAt = this.now();
    this.emit(SocketState.AUTHENTICATED);
    this.emit(SocketState.RESUBSCRIBED, { topics: this.flushSubscriptions() });
  }

  private flushSubscriptions(): number {
    const entries = this.subscriptions.takeUnsent();
    for (const entry of entries) {
      this.link?.send({ type: 'subscribe', id: `sub-${this.nextSeq()}`, payload: entry.subscribePayload });
    }
    return entries.length;
  }

  private deliver(envelope: Envelope): void {
    this.counts.received += 1;
    this.messages.next(toSocketMessage(envelope, this.now()));
  }

  /** Drops the current connection (if any) and schedules the next one after a backoff delay. */
  private reconnect(reason: string): void {
    const link = this.link;
    if (link === undefined || this.closed) return;
    this.endConnection();
    void link.dispose(false);
    const delayMs = this.backoff.next();
    this.log.info('aries ws: reconnecting', { socket: this.name, reason, delayMs });
    this.emit(SocketState.RECONNECTING, { reason, delayMs });
    this.reconnectTimer = this.timers.setTimeout(() => this.open(), delayMs);
  }

  private endConnection(): void {
    this.link = undefined;
    this.auth.cancel();
    const stable = this.authenticatedAt !== undefined && this.now() - this.authenticatedAt >= this.timing.stableResetMs;
    if (stable) this.backoff.reset();
    this.authenticatedAt = undefined;
    this.subscriptions.newConnection();
  }

  private emit(state: SocketState, detail: StateDetail = {}): void {
    this.states.next({ state, ts: this.now(), connection: this.counts.connections, ...detail });
  }

  private nextSeq(): number {
    this.seq += 1;
    return this.seq;
  }
}
