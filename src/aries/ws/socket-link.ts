import WebSocket from 'ws';
import { Heartbeat } from './heartbeat.js';
import type { SocketTimers } from './socket-options.js';

/** What a {@link SocketLink} reports; nothing is reported after `dispose()`. */
export interface LinkHandlers {
  onOpen(): void;
  onFrame(text: string): void;
  onStale(silentMs: number): void;
  onClose(code: number): void;
  onError(error: Error): void;
}

/** Keep-alive settings of one link. */
export interface LinkKeepAlive {
  readonly intervalMs: number;
  readonly graceMs: number;
  readonly timers: SocketTimers;
  readonly now: () => number;
}

function rawToText(data: WebSocket.RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  return Buffer.from(data).toString('utf8');
}

/**
 * One `ws` connection with client keep-alive: a ws ping frame plus the protocol ping message of §8.1
 * every interval, and half-open detection on inbound silence (T-10).
 */
export class SocketLink {
  private readonly ws: WebSocket;
  private readonly heartbeat: Heartbeat;
  private active = true;
  private pings = 0;

  constructor(url: string, keepAlive: LinkKeepAlive, handlers: LinkHandlers) {
    this.heartbeat = new Heartbeat({
      ...keepAlive,
      onPing: () => this.ping(),
      onStale: (silentMs) => this.report(() => handlers.onStale(silentMs)),
    });
    this.ws = new WebSocket(url);
    this.ws.on('open', () => {
      if (!this.active) return;
      this.heartbeat.start();
      handlers.onOpen();
    });
    this.ws.on('message', (data) => {
      this.heartbeat.touch();
      this.report(() => handlers.onFrame(rawToText(data)));
    });
    this.ws.on('pong', () => this.heartbeat.touch());
    this.ws.on('close', (code) => this.report(() => handlers.onClose(code)));
    // Kept after dispose too: an 'error' without a listener would crash the process.
    this.ws.on('error', (error) => this.report(() => handlers.onError(error)));
  }

  /** Sends one JSON message; returns false (and sends nothing) unless the socket is open. */
  send(message: unknown): boolean {
    if (!this.active || this.ws.readyState !== WebSocket.OPEN) return false;
    this.ws.send(JSON.stringify(message));
    return true;
  }

  /**
   * Stops reporting, stops the keep-alive and closes the socket: a close handshake when `graceful` and
   * open, else `terminate()`. Resolves once the socket is closed.
   */
  dispose(graceful: boolean): Promise<void> {
    this.active = false;
    this.heartbeat.stop();
    const ws = this.ws;
    if (ws.readyState === WebSocket.CLOSED) return Promise.resolve();
    return new Promise((resolve) => {
      ws.once('close', () => resolve());
      if (graceful && ws.readyState === WebSocket.OPEN) ws.close(1000, 'client close');
      else ws.terminate();
    });
  }

  private ping(): void {
    if (!this.active || this.ws.readyState !== WebSocket.OPEN) return;
    this.pings += 1;
    this.ws.ping();
    this.send({ type: 'ping', id: `p${this.pings}` });
  }

  private report(callback: () => void): void {
    if (this.active) callback();
  }
}
