import { redact } from '../validation/redact';

/** What went wrong, as a stable code an app can switch on. */
export type RealtimeErrorCode =
  | 'invalid-frame'
  | 'server-error'
  | 'handshake-failed'
  | 'connection-failed'
  | 'queue-overflow'
  | 'socket-budget'
  | 'token-provider'
  | 'rest'
  | 'heartbeat-timeout'
  | 'invalid-options';

/** Fields of an error worth keeping on a redacted copy (Node's system errors, HTTP libraries). */
const KEPT = ['code', 'errno', 'syscall', 'status'] as const;

/**
 * A copy of `cause` that can hold no token: an Error becomes an Error with the same name and
 * its message, stack and `code`-like fields redacted (its own `cause` too, a few levels deep);
 * a string is redacted; other objects become their redacted text. The original is not kept:
 * an app's exception ("refresh failed for <token>") or a platform's ("bad URL ws://…?token=…")
 * would otherwise carry the token past `onError`'s message. Never throws.
 */
function redactedCause(cause: unknown, depth = 0): unknown {
  if (cause === undefined || cause === null || cause instanceof RealtimeError) return cause;
  try {
    if (typeof cause !== 'object' && typeof cause !== 'function') return typeof cause === 'string' ? redact(cause) : cause;
    if (depth >= 4) return undefined;
    const source = cause as Record<string, unknown>;
    if (!(cause instanceof Error) && typeof source['message'] !== 'string') return redact(JSON.stringify(cause) ?? String(cause));
    const nested = redactedCause(source['cause'], depth + 1);
    const copy = new Error(redact(String(source['message'] ?? '')), nested === undefined ? undefined : { cause: nested });
    copy.name = redact(String(source['name'] ?? 'Error'));
    copy.stack = typeof source['stack'] === 'string' ? redact(source['stack']) : `${copy.name}: ${copy.message}`;
    for (const key of KEPT) {
      const value = source[key];
      if (typeof value === 'string' || typeof value === 'number') Object.assign(copy, { [key]: typeof value === 'string' ? redact(value) : value });
    }
    return copy;
  } catch {
    return undefined;
  }
}

/**
 * The single error type the kit reports through `onError`. It carries plain data only, and
 * no token: its message and fields go through `redact`, and a `cause` is kept as a redacted
 * copy (never the original object), so it can be logged or posted across a worker boundary.
 */
export class RealtimeError extends Error {
  override readonly name = 'RealtimeError';
  declare readonly code: RealtimeErrorCode;
  /** The endpoint key (`orders/123`, `notifications`, …) when the error belongs to one. */
  declare readonly endpoint: string | undefined;
  /** The dialect that reported it, for invalid frames. */
  declare readonly dialect: string | undefined;
  /** HTTP status for REST errors. */
  declare readonly status: number | undefined;
  /** How long the server asked to wait before trying again (`Retry-After`), in ms. */
  declare readonly retryAfter: number | undefined;

  constructor(
    code: RealtimeErrorCode,
    message: string,
    details: { endpoint?: string; dialect?: string; status?: number; retryAfter?: number; cause?: unknown } = {},
  ) {
    const { cause, ...rest } = details;
    const copy = redactedCause(cause);
    super(redact(message), copy === undefined ? undefined : { cause: copy });
    for (const [key, value] of Object.entries(rest)) if (value !== undefined) Object.assign(this, { [key]: typeof value === 'string' ? redact(value) : value });
    Object.assign(this, { code });
  }
}

