import type { Simulator } from './createSimulator';

export interface SimulatorFetchOptions {
  /** Delay before each answer, in ms, so loading states show as they would. @default 40 */
  latency?: number;
}

const abortError = (signal: AbortSignal): unknown => signal.reason ?? new DOMException('This operation was aborted', 'AbortError');

/**
 * A `fetch` answered by the simulator's REST routes, for the browser: pass it with the
 * in-memory transport, `createRealtimeClient({ transport: simulatorTransport(sim), fetch: simulatorFetch(sim), apiUrl: 'http://simulator.local' })`,
 * and actions (approvals, Timing status changes, polling) work with no server.
 *
 * A GET of the ERP chat's `/api/v1/communication/sse/events/` answers a streaming
 * `text/event-stream` body that stays open: events are enqueued as the simulator publishes
 * them; it ends when the simulator ends the stream, and aborting the request's `signal`
 * removes the subscriber and errors the body with the abort reason, as a real fetch does.
 */
export function simulatorFetch(simulator: Simulator, options: SimulatorFetchOptions = {}): typeof fetch {
  const latency = options.latency ?? 40;
  return async (input, init) => {
    const request = input instanceof Request ? input : null;
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const headers: Record<string, string> = {};
    new Headers(init?.headers ?? request?.headers).forEach((value, key) => {
      headers[key] = value;
    });
    const method = init?.method ?? request?.method ?? 'GET';
    const signal = init?.signal ?? request?.signal ?? null;
    const body = typeof init?.body === 'string' ? init.body : '';
    if (signal?.aborted) throw abortError(signal);
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, latency);
      const onAbort = (): void => {
        clearTimeout(timer);
        reject(abortError(signal!));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
    });
    const path = url.pathname + url.search;
    const streamed = streamResponse(simulator, { method, path, headers }, signal);
    if (streamed) return streamed;
    const answer = simulator.rest({ method, path, headers, body });
    return new Response(answer.body === undefined || answer.status === 204 ? null : JSON.stringify(answer.body), {
      status: answer.status,
      headers: { 'Content-Type': 'application/json' },
    });
  };
}

/** The simulator's event stream as a `Response` with a ReadableStream body, or null for other paths. */
function streamResponse(simulator: Simulator, request: { method: string; path: string; headers: Record<string, string> }, signal: AbortSignal | null): Response | null {
  const encoder = new TextEncoder();
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let done = false;
  const finish = (): boolean => {
    if (done) return false;
    done = true;
    signal?.removeEventListener('abort', onAbort);
    return true;
  };
  const stream = simulator.stream(request, {
    write: (text) => void (done || controller.enqueue(encoder.encode(text))),
    end: () => void (finish() && controller.close()),
  });
  if (!stream) return null;
  function onAbort(): void {
    stream!.close();
    if (finish()) controller.error(abortError(signal!));
  }
  // `start` runs at construction, so the controller is there before the first write.
  const body = new ReadableStream<Uint8Array>({
    start: (c) => void (controller = c),
    cancel: () => {
      finish();
      stream.close();
    },
  });
  signal?.addEventListener('abort', onAbort, { once: true });
  const response = new Response(body, { status: stream.status, headers: stream.headers });
  stream.start();
  return response;
}
