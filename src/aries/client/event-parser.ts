import type { SocketLogger, SocketMessage } from '../ws/index.js';
import { parseWire, wsEventPayloadSchema, type WireResult, type WsEventPayload } from '../wire/index.js';

/**
 * Turns socket `event` messages into typed events with one wire parser; malformed ones are
 * counted, logged (the problem, never the content) and skipped, never passed on (T-14).
 */
export class SocketEventParser<T> {
  private count = 0;

  constructor(
    private readonly what: string,
    private readonly parse: (payload: WsEventPayload) => WireResult<T>,
    private readonly log: SocketLogger,
  ) {}

  /** Returns how many malformed messages were skipped. */
  get malformed(): number {
    return this.count;
  }

  /** Returns the event a message carries, or `undefined` for a non-event or a malformed one. */
  read(m: SocketMessage): T | undefined {
    if (m.type !== 'event') return undefined;
    const payload = parseWire(wsEventPayloadSchema, m.payload, `${this.what} event`);
    const parsed = payload.ok ? this.parse(payload.value) : payload;
    if (parsed.ok) return parsed.value;
    this.count += 1;
    this.log.warn(`skipped a malformed ${this.what} message`, { problem: parsed.problem, malformed: this.count });
    return undefined;
  }
}
