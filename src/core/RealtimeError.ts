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
  | 'invalid-options'
  /** A store slice's reducer threw on one event: that event was skipped for that slice, the rest of its batch applied. */
  | 'reducer';

/**
 * A copy of `cause` that can hold no token: an error (anything with a string `message`) becomes
 * an Error with its name, message, stack and `code` redacted, and its own `cause` copied the same
 * way, a few levels deep; a string is redacted; other objects are dropped. The original is not
 * kept: an app's exception ("refresh failed for <token>") or a platform's ("bad URL
 * ws://…?token=…") would otherwise carry the token past `onError`'s message. Never throws.
 */
function redactedCause(cause: unknown, depth = 0): unknown {
  if (cause === undefined || cause === null || cause instanceof RealtimeError) return cause;
  try {
    if (typeof cause !== 'object') return typeof cause === 'string' ? redact(cause) : cause;
    const source = cause as { name?: unknown; message?: unknown; stack?: unknown; cause?: unknown; code?: unknown };
    if (depth > 3 || typeof source.message !== 'string') return undefined;
    const nested = redactedCause(source.cause, depth + 1);
    const copy = new Error(redact(source.message), nested === undefined ? undefined : { cause: nested });
    copy.name = redact(String(source.name ?? 'Error'));
    copy.stack = redact(String(source.stack ?? `${copy.name}: ${copy.message}`));
    if (typeof source.code === 'string' || typeof source.code === 'number') Object.assign(copy, { code: typeof source.code === 'string' ? redact(source.code) : source.code });
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

