import { describe, expect, it } from 'vitest';
import { parseFrame } from '../../../../src/aries/ws/index.js';

describe('parseFrame', () => {
  it('reads a single object and keeps id and payload', () => {
    const frame = parseFrame('{"type":"response","id":"sub-1","payload":{"action":"subscribed"}}');
    expect(frame).toEqual({
      envelopes: [{ type: 'response', id: 'sub-1', payload: { action: 'subscribed' } }],
      malformed: [],
    });
  });

  it('reads NDJSON lines in order and ignores blank lines and CRLF', () => {
    const frame = parseFrame('{"type":"event"}\r\n\n  {"type":"pong","id":7}\n');
    expect(frame.envelopes.map((e) => [e.type, e.id])).toEqual([
      ['event', undefined],
      ['pong', '7'],
    ]);
  });

  it('reports every bad line with a reason that never quotes the input', () => {
    const frame = parseFrame('nope\n[1]\n{"type":""}\n{"type":"event","id":true}\nnull\n{"type":"event"}');
    expect(frame.malformed).toEqual(['invalid JSON', 'not an object', 'missing type', 'bad id', 'not an object']);
    expect(frame.envelopes).toHaveLength(1);
  });
});
