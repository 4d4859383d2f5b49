/** One Server-Sent Event as the stream framed it: the name (`message` when unnamed), its data, and its id. */
export type SseMessage = {
  readonly event: string;
  readonly data: string;
  readonly id: string | undefined;
};

/** What one chunk of the stream completed: whole events, and a `retry:` the service asked for. */
export type SseChunk = {
  readonly messages: readonly SseMessage[];
  readonly retryMs: number | undefined;
};

/**
 * Reads a `text/event-stream` body chunk by chunk, as the HTML standard's parser does.
 *
 * Chunks end anywhere (mid-line, mid-character, between CR and LF), so the decoder keeps the
 * unfinished line and the event being built; `push` returns only what a blank line completed.
 */
export type SseDecoder = {
  push(bytes: Uint8Array): SseChunk;
};

/** The longest line the decoder holds while waiting for its end; a longer one is a broken stream. */
export const MAX_SSE_LINE_LENGTH = 1024 * 1024;

/**
 * Create a decoder for one stream (a reconnect starts a new one).
 *
 * Comment lines (heartbeats) and unknown fields are skipped; an event with no `data:` line is
 * not dispatched, as the standard says. A line longer than {@link MAX_SSE_LINE_LENGTH} throws:
 * a service never sends one, so the stream is not the feed.
 */
export function createSseDecoder(): SseDecoder {
  const text = new TextDecoder('utf-8');
  let pending = '';
  let skipLeadingLineFeed = false;
  let event = '';
  let data: string[] = [];
  // The id persists across events until an `id:` line changes it (the standard's "last event ID buffer").
  let id: string | undefined;
  let first = true;
  return {
    push: (bytes) => {
      let buffer = pending + text.decode(bytes, { stream: true });
      if (first && buffer.length > 0) {
        first = false;
        if (buffer.startsWith('\uFEFF')) buffer = buffer.slice(1);
      }
      if (skipLeadingLineFeed && buffer.startsWith('\n')) buffer = buffer.slice(1);
      skipLeadingLineFeed = false;
      const messages: SseMessage[] = [];
      let retryMs: number | undefined;
      let start = 0;
      for (;;) {
        const end = lineEnd(buffer, start);
        if (end === -1) break;
        const line = buffer.slice(start, end);
        const isCarriageReturn = buffer[end] === '\r';
        start = end + 1;
        if (isCarriageReturn) {
          if (start === buffer.length) skipLeadingLineFeed = true;
          else if (buffer[start] === '\n') start += 1;
        }
        if (line === '') {
          if (data.length > 0) messages.push({ event: event === '' ? 'message' : event, data: data.join('\n'), id });
          event = '';
          data = [];
          continue;
        }
        if (line.startsWith(':')) continue;
        const colon = line.indexOf(':');
        const field = colon === -1 ? line : line.slice(0, colon);
        const raw = colon === -1 ? '' : line.slice(colon + 1);
        const value = raw.startsWith(' ') ? raw.slice(1) : raw;
        if (field === 'event') event = value;
        else if (field === 'data') data.push(value);
        else if (field === 'id' && !value.includes('\0')) id = value;
        else if (field === 'retry' && /^\d+$/.test(value)) retryMs = Number(value);
      }
      pending = buffer.slice(start);
      if (pending.length > MAX_SSE_LINE_LENGTH) throw new Error(`A line of the event stream is longer than ${String(MAX_SSE_LINE_LENGTH)} characters.`);
      return { messages, retryMs };
    },
  };
}

function lineEnd(buffer: string, from: number): number {
  for (let index = from; index < buffer.length; index += 1) {
    const character = buffer[index];
    if (character === '\n' || character === '\r') return index;
  }
  return -1;
}
