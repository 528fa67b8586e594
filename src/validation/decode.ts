import { redact } from './redact';
/** Frame decoding, error plumbing and small helpers shared by the dialects (see `validate.ts`). */
/**
 * The result of parsing one frame into events. Never thrown: always returned. A frame with some
 * unusable fields is `ok` with the events of what was valid and an `error` naming the rest,
 * reported once (as an invalid frame) while the events are applied.
 */
export type ParseResult<E extends { readonly kind: string } = { readonly kind: string }> =
  | { ok: true; events: E[]; error?: string }
  | { ok: false; error: string };

/** Largest frame accepted, in characters (for decoded objects, an estimate of their JSON size). */
export const MAX_FRAME_CHARS = 262_144;
/** Default cap on any string field, in characters. */
export const MAX_STRING_CHARS = 65_536;
/** Cap on id fields, in characters. */
export const MAX_ID_CHARS = 256;
/** Deepest nesting of objects and arrays accepted in a frame. */
export const MAX_DEPTH = 32;
/** Keys that could pollute a prototype if a consumer ever merged the frame into an object. */
export const FORBIDDEN_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype'];

/** A decoded frame: a plain JSON object. */
export type JsonObject = Record<string, unknown>;

// Private: thrown by readers, caught by `guard`, so messages never escape as exceptions.
class ProtocolError extends Error {}

/** Abort the current parse with an exact error message (caught by {@link guard}). */
export function reject(message: string): never {
  throw new ProtocolError(message);
}

/**
 * A short, quoted preview of a wire string for error messages, with token values
 * (`?token=`, `access_token=`, `auth=`, `"token": "…"`, `Bearer …`) redacted first.
 */
export function preview(text: string): string {
  text = redact(text);
  return JSON.stringify(text.length > 32 ? `${text.slice(0, 32)}…` : text);
}

/** `null`, `array`, or the `typeof` name: how a wrong value is described in errors. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'array' : typeof value;
}

/** True for `{}`-style objects (any realm), false for arrays, class instances, `null`. */
export function isPlainObject(value: unknown): value is JsonObject {
  if (typeof value !== 'object' || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === null || Object.getPrototypeOf(proto) === null;
}

// Iterative walk (no recursion, so no stack overflow): forbidden keys, depth and JSON-only values.
// Values and depths on two stacks, and strings, booleans and nulls (nothing to check) never
// pushed: a frame is walked without allocating per field.
function inspect(root: unknown, dialect: string): void {
  const values: unknown[] = [root];
  const depths: number[] = [0];
  while (values.length > 0) {
    const value = values.pop();
    const depth = depths.pop()!;
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) reject(`${dialect}: frame contains a number that is not finite`);
    } else if (Array.isArray(value) || isPlainObject(value)) {
      if (depth >= MAX_DEPTH) reject(`${dialect}: frame is nested deeper than ${MAX_DEPTH} levels`);
      for (const key of Object.keys(value)) {
        if (FORBIDDEN_KEYS.includes(key)) reject(`${dialect}: frame contains the forbidden key "${key}"`);
        const item: unknown = (value as JsonObject)[key];
        if (item !== null && typeof item !== 'string' && typeof item !== 'boolean') {
          values.push(item);
          depths.push(depth + 1);
        }
      }
    } else if (value !== null && typeof value !== 'string' && typeof value !== 'boolean') reject(`${dialect}: frame contains a value that is not JSON (${describe(value)})`);
  }
}

function decodeOrThrow(frame: unknown, dialect: string, limit: number): unknown {
  const isText = typeof frame === 'string';
  if (!isText && !Array.isArray(frame) && !isPlainObject(frame)) reject(`${dialect}: frame must be a JSON object`);
  // An object a transport decoded already is checked first (depth, values), then measured as JSON.
  if (!isText) inspect(frame, dialect);
  const text = isText ? (frame as string) : JSON.stringify(frame);
  if (text.length > limit) reject(`${dialect}: frame is larger than ${limit} characters`);
  if (!isText) return frame;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    reject(`${dialect}: frame is not valid JSON: ${preview(text)}`);
  }
  inspect(value, dialect);
  return value;
}

/** Largest REST body accepted by the REST helpers, in characters. */
export const MAX_BODY_CHARS = 16_777_216;

/**
 * Decode a REST body (JSON text, or a value `response.json()` already decoded) that may be
 * an object or an array, with the same checks as {@link decodeFrame}. Throws a protocol
 * error; call it inside {@link guard} or {@link guardValue}.
 */
export function decodeJson(body: unknown, label: string, limit = MAX_BODY_CHARS): unknown {
  return decodeOrThrow(body, label, limit);
}

/** The result of {@link decodeFrame}. */
export type DecodeResult = { ok: true; value: JsonObject } | { ok: false; error: string };

/**
 * Decode one wire frame: JSON text, or an object a transport already decoded. Rejects
 * frames over {@link MAX_FRAME_CHARS}, invalid JSON, anything but a JSON object, nesting
 * deeper than {@link MAX_DEPTH}, and the keys in {@link FORBIDDEN_KEYS} at any depth.
 * Never throws.
 */
export function decodeFrame(frame: unknown, dialect: string): DecodeResult {
  return guardValue(dialect, () => {
    const value = decodeOrThrow(frame, dialect, MAX_FRAME_CHARS);
    return isPlainObject(value) ? value : reject(`${dialect}: frame must be a JSON object`);
  });
}

/** Run `fn`, turning any exception into an error result. Protocol errors keep their message. */
export function guardValue<T>(dialect: string, fn: () => T): { ok: true; value: T } | { ok: false; error: string } {
  try {
    return { ok: true, value: fn() };
  } catch (error) {
    if (error instanceof ProtocolError) return { ok: false, error: error.message };
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, error: `${dialect}: unexpected parser failure: ${detail.slice(0, 200)}` };
  }
}

/**
 * Run `read`; when it fails with a protocol error, add the error's text after `skip`
 * characters to `problems` and return `undefined` (a patch then leaves that field alone).
 */
export function attempt<T>(read: () => T, problems: string[], skip = 0): T | undefined {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof ProtocolError)) throw error;
    problems.push(error.message.slice(skip));
    return undefined;
  }
}

/** Run a parser body and return a {@link ParseResult}; never throws. */
export function guard<E extends { readonly kind: string }>(dialect: string, fn: () => E[]): ParseResult<E> {
  const result = guardValue(dialect, fn);
  return result.ok ? { ok: true, events: result.value } : result;
}

/** Drop `undefined` properties, so a patch never carries (and never erases) a field it lacks. */
export function compact<T extends object>(value: T): T {
  const out: JsonObject = {};
  // Keys are the caller's own field names (never `__proto__`), so plain assignment is safe.
  for (const key of Object.keys(value)) {
    const v = (value as JsonObject)[key];
    if (v !== undefined) out[key] = v;
  }
  return out as T;
}

/**
 * An id for the wire: numeric text goes back to a number, since the Django consumers look
 * rows up by integer primary key and compare ids with `==`. Other ids (UUIDs) stay strings.
 */
export function wireId(id: string | number): string | number {
  return typeof id === 'string' && /^(?:0|[1-9]\d{0,14})$/.test(id) ? Number(id) : id;
}
