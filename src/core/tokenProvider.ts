import { hideSecret } from '../validation/redact';

/** Options passed to a token function. */
export interface TokenRequest {
  /**
   * `true` after two handshakes in a row were refused, or once the server said it refuses the
   * credentials: the cached token is likely stale, so fetch a new one rather than returning
   * the cached value.
   */
  forceRefresh: boolean;
}

/** A token, or a function that returns one (sync or async). `null`/`undefined` means none. */
export type TokenOption =
  | string
  | null
  | undefined
  | ((request: TokenRequest) => string | null | undefined | Promise<string | null | undefined>);

export type TokenProvider = (request: TokenRequest) => Promise<string | null>;

/**
 * Normalise the token option into one async function, checking its type up front. Every token
 * it yields is handed to `hideSecret`, so no error message, state or quoted frame can show it.
 */
export function toTokenProvider(token: TokenOption): TokenProvider {
  if (token === undefined || token === null) return async () => null;
  if (typeof token === 'string') {
    hideSecret(token);
    return async () => token;
  }
  if (typeof token !== 'function') {
    throw new TypeError(
      `token must be a string or a function returning a string or a Promise of one (got ${typeof token}). ` +
        'Example: token: () => auth.getAccessToken()',
    );
  }
  return async (request) => {
    const value = await token(request);
    if (value === undefined || value === null || value === '') return null;
    if (typeof value !== 'string') {
      throw new TypeError(`the token function returned ${typeof value}; it must return a string (or null for none).`);
    }
    hideSecret(value);
    return value;
  };
}
