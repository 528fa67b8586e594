import { until } from '../helpers/until';

/** One server-sent event as read off the wire: its `event:` name (default `message`) and its `data:` parsed as JSON when it is JSON. */
export interface SseEvent {
  event: string;
  data: unknown;
  /** The `data:` lines as sent, joined with `\n`. */
  raw: string;
}

export interface SseStream {
  status: number;
  headers: Headers;
  /** Every event received so far, in order. */
  events: SseEvent[];
  /** True once the server ended the response (or `close()` was called). */
  readonly ended: boolean;
  /** The next event not yet taken by `next`, optionally the next one named `event` (skipping others); fails after `timeoutMs`. */
  next(event?: string, timeoutMs?: number): Promise<SseEvent>;
  /** Resolves once the server has ended the response; fails after `timeoutMs`. */
  end(timeoutMs?: number): Promise<void>;
  /** Abort the request (the client going away). */
  close(): void;
}

/** Parse complete `\n\n`-terminated blocks off the front of `buffer`; returns the events and what is left. */
export function parseSseBlocks(buffer: string): { events: SseEvent[]; rest: string } {
  const events: SseEvent[] = [];
  const blocks = buffer.replace(/\r\n?/g, '\n').split('\n\n');
  const rest = blocks.pop() ?? '';
  for (const block of blocks) {
    let event = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line === '' || line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') event = value;
      else if (field === 'data') data.push(value);
    }
    if (data.length === 0) continue;
    const raw = data.join('\n');
    let parsed: unknown = raw;
    try {
      parsed = JSON.parse(raw);
    } catch {
      // not JSON: keep the text
    }
    events.push({ event, data: parsed, raw });
  }
  return { events, rest };
}

/**
 * GET `url` with Node's fetch and read its body as server-sent events in the background.
 * Resolves once the response headers are in (fails after `timeoutMs`).
 */
export async function openSse(url: string, { headers = {}, timeoutMs = 5000 }: { headers?: Record<string, string>; timeoutMs?: number } = {}): Promise<SseStream> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new Error(`no response headers from ${url} within ${timeoutMs} ms`)), timeoutMs);
  let response: Response;
  try {
    response = await fetch(url, { headers: { Accept: 'text/event-stream', ...headers }, signal: controller.signal });
  } finally {
    clearTimeout(timer);
  }
  const events: SseEvent[] = [];
  let ended = false;
  let taken = 0;
  const reading = (async () => {
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        const parsed = parseSseBlocks(buffer + value);
        buffer = parsed.rest;
        events.push(...parsed.events);
      }
    } catch {
      // aborted by close()
    } finally {
      ended = true;
    }
  })();
  const describe = (): string => JSON.stringify(events.map((e) => e.event));
  return {
    status: response.status,
    headers: response.headers,
    events,
    get ended() {
      return ended;
    },
    async next(event, ms = 5000) {
      const index = await until(
        () => {
          for (let i = taken; i < events.length; i += 1) if (!event || events[i]!.event === event) return i + 1;
          return undefined;
        },
        `${event ?? 'an'} event on ${url}`,
        ms,
      ).catch((error: Error) => {
        throw new Error(`${error.message}; now ${describe()}${ended ? ', stream ended' : ''}`);
      });
      taken = index;
      return events[index - 1]!;
    },
    async end(ms = 5000) {
      await until(() => ended, `the end of ${url}`, ms).catch((error: Error) => {
        throw new Error(`${error.message}; got ${describe()}`);
      });
      await reading;
    },
    close() {
      controller.abort();
    },
  };
}
