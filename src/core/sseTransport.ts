import type { Transport, TransportFactory } from './Transport';

/** Options of {@link sseTransport}. */
export interface SseTransportOptions {
  /** The `fetch` to stream with. @default the client's `fetch` option, else `globalThis.fetch` */
  fetch?: typeof fetch;
}

/** `ws://` and `wss://` bases address the same host over HTTP for a stream. */
function httpUrl(url: string): string {
  return url.replace(/^ws(s?):/i, 'http$1:');
}

/**
 * A transport on Server-Sent Events, streamed with `fetch` rather than `EventSource`: the
 * token can travel in an `Authorization` header (a `header` dialect) instead of the URL, a
 * refused or non-stream answer is seen for what it is (status and content type), every
 * attempt's timing stays with the connection's backoff (an `EventSource` reconnects on its own,
 * for ever, even after a server said "Unauthorized"), and closing aborts the request at once.
 * `Last-Event-ID` is sent on a reconnect when the server gave event ids.
 *
 * Each event reaches the dialect as `{ event, data }` (the event name, `message` by default, and
 * its data text). Receive only: `send` returns `false`, so a backend on it sends over REST. A
 * stream counts as open once the server answers 200 with `text/event-stream`; its end is a
 * close like any other, and the connection reconnects with backoff.
 */
export function sseTransport(options: SseTransportOptions = {}): TransportFactory {
  return (context): Transport => {
    let controller: AbortController | null = null;
    let opened = false;
    let closed = false;
    let lastEventId = '';

    /** End the current attempt (once) and, unless closed for good, start the next one. */
    function drop(current: AbortController, code: number, reason: string): void {
      if (controller !== current) return;
      controller = null;
      const wasOpen = opened;
      opened = false;
      current.abort();
      if (closed) return;
      context.onClose({ code, reason, wasOpen });
      void dial();
    }

    async function dial(): Promise<void> {
      const attempt = await context.nextAttempt();
      if (!attempt || closed) return;
      const current = new AbortController();
      controller = current;
      const fetchImpl = options.fetch ?? context.fetch ?? globalThis.fetch;
      const timer = setTimeout(() => drop(current, 4008, 'handshake timeout'), context.connectTimeout);
      let response: Response;
      try {
        // Only headers a cross-origin server's CORS set-up expects: Accept is safelisted, and
        // Authorization (a header token) and Last-Event-ID only go when there is one.
        const headers: Record<string, string> = { Accept: 'text/event-stream', ...attempt.headers };
        if (lastEventId) headers['Last-Event-ID'] = lastEventId;
        response = await fetchImpl(httpUrl(attempt.url), { headers, signal: current.signal, cache: 'no-store' });
      } catch (cause) {
        clearTimeout(timer);
        return drop(current, 1006, String((cause as Error)?.message ?? cause));
      }
      clearTimeout(timer);
      if (controller !== current) return;
      const type = response.headers.get('Content-Type') ?? '';
      if (!response.ok || !/^text\/event-stream/i.test(type) || !response.body) {
        void response.body?.cancel().catch(() => undefined);
        const why = response.ok ? `not an event stream (Content-Type: ${type || 'none'})` : `HTTP ${response.status}`;
        return drop(current, response.ok ? 1003 : 1006, why);
      }
      opened = true;
      context.onOpen();
      try {
        await read(response.body, current);
        drop(current, 1000, 'the server ended the stream');
      } catch (cause) {
        drop(current, 1006, String((cause as Error)?.message ?? cause));
      }
    }

    /** Parse the stream (the WHATWG event-stream format) and hand each event on. */
    async function read(body: ReadableStream<Uint8Array>, current: AbortController): Promise<void> {
      const reader = body.getReader();
      const decoder = new TextDecoder();
      const limit = context.maxFrameChars;
      let buffer = '';
      let event = '';
      let data: string[] = [];
      let size = 0;
      // An event's id counts once the event is complete (its blank line), as EventSource does.
      let pendingId: string | null = null;
      const line = (text: string): void => {
        if (text === '') {
          if (pendingId !== null) lastEventId = pendingId;
          pendingId = null;
          // Past the frame limit the data is not kept: the connection rejects the event as too large.
          if (size > limit + 1) context.onFrame({ event: event || 'message', data: ''.padEnd(limit + 1) });
          else if (data.length) context.onFrame({ event: event || 'message', data: data.join('\n') });
          event = '';
          data = [];
          size = 0;
          return;
        }
        if (text[0] === ':') return;
        const colon = text.indexOf(':');
        const field = colon === -1 ? text : text.slice(0, colon);
        const value = colon === -1 ? '' : text.slice(colon + (text[colon + 1] === ' ' ? 2 : 1));
        if (field === 'event') event = value;
        else if (field === 'data') {
          size += value.length + 1;
          if (size <= limit + 1) data.push(value);
        } else if (field === 'id' && !value.includes('\0')) pendingId = value;
      };
      for (;;) {
        const { done, value } = await reader.read();
        if (controller !== current) {
          void reader.cancel().catch(() => undefined);
          return;
        }
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        let start = 0;
        for (let i = 0; i < buffer.length; i += 1) {
          const ch = buffer[i];
          if (ch !== '\n' && ch !== '\r') continue;
          // A CR at the very end may be half of a CRLF: wait for the next chunk.
          if (ch === '\r' && i === buffer.length - 1) break;
          line(buffer.slice(start, i));
          if (ch === '\r' && buffer[i + 1] === '\n') i += 1;
          start = i + 1;
          if (controller !== current) return;
        }
        buffer = buffer.slice(start);
        // A line that never ends is cut off at the frame limit rather than kept growing.
        if (buffer.length > limit + 64) buffer = buffer.slice(0, limit + 64);
      }
    }

    void dial();
    return {
      send: () => false,
      reconnect() {
        if (controller) drop(controller, 4000, 'reconnect');
      },
      close() {
        closed = true;
        if (controller) drop(controller, 1000, 'client closed');
      },
    };
  };
}
