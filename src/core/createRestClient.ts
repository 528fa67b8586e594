import { RealtimeError } from './RealtimeError';
import type { TokenProvider } from './tokenProvider';

export interface RestClient {
  /** The REST base URL, or null when none was configured. */
  readonly baseUrl: string | null;
  /**
   * Send a JSON request with `Authorization: <authScheme> <token>` when there is a token. Resolves
   * with the parsed body (or null for an empty one). Rejects with a `rest` RealtimeError that
   * carries the HTTP status and the server's error text, never the token. On a disposed client,
   * rejects with a `connection-failed` RealtimeError and makes no request.
   */
  request<T = unknown>(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T>;
}

export interface RestClientOptions {
  baseUrl: string | null;
  token: TokenProvider;
  fetch?: typeof fetch;
  /** The `Authorization` scheme. @default 'Bearer' */
  authScheme?: string;
  /** Per-request timeout in ms. @default 15000 */
  timeout?: number;
  /** True once the owning client is disposed: every request is then refused, none is made. */
  disposed?: () => boolean;
}

function errorText(body: unknown, fallback: string): string {
  if (body && typeof body === 'object') {
    const o = body as Record<string, unknown>;
    for (const key of ['error', 'detail', 'message']) if (typeof o[key] === 'string') return o[key] as string;
  }
  return typeof body === 'string' && body.length < 300 && body.trim() ? body.trim() : fallback;
}

/** `Retry-After` (seconds, or an HTTP date) in ms; undefined when absent or unreadable. */
function retryAfterMs(value: string | null): number | undefined {
  if (!value) return undefined;
  const ms = /^\d+$/.test(value.trim()) ? Number(value) * 1000 : Date.parse(value) - Date.now();
  return Number.isFinite(ms) ? Math.max(0, ms) : undefined;
}

/**
 * A small JSON REST helper for actions, resync snapshots and polling. A GET whose answer carried
 * an `ETag` is asked again with `If-None-Match`, and a `304 Not Modified` returns the body
 * kept from last time, so polling an unchanged list costs the server no body.
 */
export function createRestClient(options: RestClientOptions): RestClient {
  const { baseUrl, token, timeout = 15_000 } = options;
  /** The last ETag and body per GET path (a few paths are polled; bounded anyway). */
  const cached = new Map<string, { etag: string; body: unknown }>();
  return {
    baseUrl,
    async request<T>(method: string, path: string, body?: unknown): Promise<T> {
      const fetchImpl = options.fetch ?? globalThis.fetch;
      const refuse = () => {
        if (options.disposed?.()) throw new RealtimeError('connection-failed', `${method} ${path}: this client was disposed; use a new client.`);
      };
      refuse();
      if (!baseUrl) {
        throw new RealtimeError('rest', `No REST base URL: pass apiUrl to createRealtimeClient to call ${method} ${path}.`);
      }
      const url = new URL(path.replace(/^\//, ''), baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`).toString();
      const headers: Record<string, string> = { Accept: 'application/json' };
      if (body !== undefined) headers['Content-Type'] = 'application/json';
      const kept = method === 'GET' ? cached.get(path) : undefined;
      if (kept) headers['If-None-Match'] = kept.etag;
      const value = await token({ forceRefresh: false });
      if (value) headers.Authorization = `${options.authScheme ?? 'Bearer'} ${value}`;
      // Disposed while the token was being fetched: still no request.
      refuse();
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), timeout);
      let response: Response;
      try {
        response = await fetchImpl(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal: controller.signal });
      } catch (cause) {
        const why = controller.signal.aborted ? `timed out after ${timeout} ms` : String((cause as Error)?.message ?? cause);
        throw new RealtimeError('rest', `${method} ${path} failed: ${why}`, { cause });
      } finally {
        clearTimeout(timer);
      }
      if (response.status === 304 && kept) return kept.body as T;
      const text = await response.text();
      let parsed: unknown = null;
      if (text) {
        try {
          parsed = JSON.parse(text);
        } catch {
          parsed = text;
        }
      }
      if (!response.ok) {
        const hint = response.status === 401 || response.status === 403 ? ' (check the token and that the user may do this)' : '';
        const retryAfter = retryAfterMs(response.headers.get('Retry-After'));
        const wait = response.status === 429 ? ` (too many requests${retryAfter === undefined ? '' : `: try again in ${Math.ceil(retryAfter / 1000)} s`})` : hint;
        throw new RealtimeError('rest', `${method} ${path} answered ${response.status}: ${errorText(parsed, response.statusText)}${wait}`, {
          status: response.status,
          retryAfter,
        });
      }
      const etag = method === 'GET' ? response.headers.get('ETag') : null;
      if (etag) {
        cached.delete(path);
        cached.set(path, { etag, body: parsed });
        if (cached.size > 32) cached.delete(cached.keys().next().value!);
      }
      return parsed as T;
    },
  };
}
