import type { ServerResponse } from 'node:http';
import type { SimReply } from '../state/sim-reply.js';

/** Writes a reply: JSON for objects and arrays, HTML for strings, nothing for `undefined`. */
export function writeReply(res: ServerResponse, reply: SimReply, extra: Readonly<Record<string, string>>): void {
  if (res.destroyed || res.headersSent) return;
  const headers: Record<string, string> = { ...extra, ...reply.headers, 'cache-control': 'no-store' };
  let payload = '';
  if (typeof reply.body === 'string') {
    headers['content-type'] = 'text/html; charset=utf-8';
    payload = reply.body;
  } else if (reply.body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(reply.body);
  }
  res.writeHead(reply.status, headers);
  res.end(payload);
}
