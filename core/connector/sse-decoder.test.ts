import { describe, expect, it } from 'vitest';
import { createSseDecoder } from './sse-decoder.ts';
import type { SseMessage } from './sse-decoder.ts';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

function decodeAll(chunks: readonly (string | Uint8Array)[]): { messages: SseMessage[]; retries: number[] } {
  const decoder = createSseDecoder();
  const messages: SseMessage[] = [];
  const retries: number[] = [];
  for (const chunk of chunks) {
    const decoded = decoder.push(typeof chunk === 'string' ? bytes(chunk) : chunk);
    messages.push(...decoded.messages);
    if (decoded.retryMs !== undefined) retries.push(decoded.retryMs);
  }
  return { messages, retries };
}

describe('sse-decoder', () => {
  it('frames named events with their id and data when the stream is well formed', () => {
    expect(decodeAll(['id: 5\nevent: ready\ndata: {"a":1}\n\n: keep-alive\n\nid: 6\nevent: change\ndata: {"b":2}\n\n'])).toEqual({
      messages: [
        { event: 'ready', data: '{"a":1}', id: '5' },
        { event: 'change', data: '{"b":2}', id: '6' },
      ],
      retries: [],
    });
  });

  it('joins chunks cut mid-line, mid-character and between CR and LF', () => {
    const text = 'event: change\r\ndata: {"name":"CORP\\\\Zoë"}\r\n\r\n';
    const encoded = bytes(text);
    // Inside the two bytes of ë.
    const cut = bytes(text.slice(0, text.indexOf('ë'))).length + 1;
    const chunks = [
      encoded.slice(0, 7),
      encoded.slice(7, cut),
      encoded.slice(cut, encoded.length - 3),
      encoded.slice(encoded.length - 3, encoded.length - 1),
      encoded.slice(-1),
    ];
    expect(decodeAll(chunks).messages).toEqual([{ event: 'change', data: '{"name":"CORP\\\\Zoë"}', id: undefined }]);
  });

  it('joins several data lines with a line feed and names an unnamed event "message"', () => {
    expect(decodeAll(['data: one\ndata:two\n\n']).messages).toEqual([{ event: 'message', data: 'one\ntwo', id: undefined }]);
  });

  it('keeps the last id for later events and skips an event without data', () => {
    expect(decodeAll(['id: 9\nevent: ping\n\nevent: change\ndata: x\n\n']).messages).toEqual([{ event: 'change', data: 'x', id: '9' }]);
  });

  it('reports retry and ignores comments and unknown fields', () => {
    expect(decodeAll([': hello\nretry: 2500\nfoo: bar\nevent: change\ndata: x\n\nretry: soon\n\n'])).toEqual({
      messages: [{ event: 'change', data: 'x', id: undefined }],
      retries: [2500],
    });
  });

  it('holds an event until its blank line arrives', () => {
    const decoder = createSseDecoder();
    expect(decoder.push(bytes('event: change\ndata: x\n')).messages).toEqual([]);
    expect(decoder.push(bytes('\n')).messages).toEqual([{ event: 'change', data: 'x', id: undefined }]);
  });

  it('throws when a line grows past the limit without ending', () => {
    const decoder = createSseDecoder();
    expect(() => decoder.push(bytes(`data: ${'x'.repeat(1024 * 1024 + 1)}`))).toThrow(/longer than/);
  });
});
