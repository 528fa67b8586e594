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

/**
 * The single error type the kit reports through `onError`. It carries plain data only
 * (its message goes through `redact`, so never a token) so it can be logged or posted across a worker boundary.
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
    super(redact(message), cause === undefined ? undefined : { cause });
    Object.assign(this, rest, { code });
  }
}

