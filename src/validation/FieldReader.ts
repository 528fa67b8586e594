import { MAX_ID_CHARS, MAX_STRING_CHARS, attempt, decodeFrame, describe, guardValue, isPlainObject, preview, reject } from './decode';
import type { JsonObject, ParseResult } from './decode';
import { normalizeTimestamp, nowIso } from './normalizeTimestamp';

/**
 * How a field may be missing. `required`: present and not null. `nullable`: missing or
 * null reads as `null`. `optional`: missing reads as `undefined` (so a patch leaves the
 * field alone), null as `null`.
 */
export type FieldMode = 'required' | 'nullable' | 'optional';

/** What a reader returns for a field of type `T` read in mode `M`. */
export type FieldValue<T, M extends FieldMode> = M extends 'required' ? T : M extends 'nullable' ? T | null : T | null | undefined;

/** Options for string fields. */
export interface StringOptions {
  /** @default MAX_STRING_CHARS */
  max?: number;
  /** Reject empty and blank strings. @default false */
  nonEmpty?: boolean;
}

/** Inclusive bounds for numeric fields. */
export interface RangeOptions {
  min?: number;
  max?: number;
}

/** Timestamp strictness: `required` errors on a missing or non-string/number value; the others never do. */
export type TimestampMode = 'required' | 'nullable' | 'lenient';

const DECIMAL = /^-?(?:\d+(?:\.\d*)?|\.\d+)$/;

/**
 * The scalar half of {@link FieldReader}: strings, numbers, integers, decimals, ids and
 * timestamps. Dialects that read nothing else parse with it ({@link parseTypedWith}), so the
 * nested, enum and boolean readers stay out of their bundles. Errors are FieldReader's.
 */
export class ScalarFieldReader {
  /**
   * @param fields the object to read
   * @param label `<dialect> <type>`, the prefix of every error
   * @param path prefix of field names in errors, for nested objects (`order.`, `items[2].`)
   */
  constructor(
    readonly fields: JsonObject,
    readonly label: string,
    readonly path = '',
  ) {}

  /** What {@link soft} reads found unusable: `"<path><field>" <problem>` each. */
  readonly problems: string[] = [];

  /**
   * Read one field without failing the frame: on a problem, note it in {@link problems} and
   * return `undefined`, so the frame's other fields are kept and a patch leaves this one alone.
   * `parseTypedWith` reports the problems once, with the frame's events.
   */
  soft<T>(read: () => T): T | undefined {
    return attempt(read, this.problems, this.label.length + 2);
  }

  /** The field's raw value (own properties only), or `undefined`. */
  raw(key: string): unknown {
    return Object.hasOwn(this.fields, key) ? this.fields[key] : undefined;
  }

  /** Fail with `<label>: "<path><key>" <problem>`. */
  fail(key: string, problem: string): never {
    return reject(`${this.label}: "${this.path}${key}" ${problem}`);
  }

  protected read<T, M extends FieldMode>(key: string, mode: M | undefined, expected: string, convert: (value: unknown, must: string) => T | undefined): FieldValue<T, M> {
    const m: FieldMode = mode ?? 'required';
    const value = this.raw(key);
    if (value === undefined) {
      if (m === 'required') this.fail(key, 'is required');
      return (m === 'nullable' ? null : undefined) as FieldValue<T, M>;
    }
    if (value === null && m !== 'required') return null as FieldValue<T, M>;
    // Built only for a value to convert (a missing field, the common case, needs no text).
    const must = `must be ${expected}${m === 'required' ? '' : ' or null'}`;
    if (value !== null) {
      const out = convert(value, must);
      if (out !== undefined) return out as FieldValue<T, M>;
    }
    return this.fail(key, `${must} (got ${describe(value)})`);
  }

  protected range(key: string, n: number, { min = -Infinity, max = Infinity }: RangeOptions): number {
    if (n < min || n > max) {
      this.fail(key, `must be ${min > -Infinity && max < Infinity ? `between ${min} and ${max}` : min > -Infinity ? `at least ${min}` : `at most ${max}`} (got ${n})`);
    }
    return n;
  }

  /** A string, at most `max` characters. */
  string<M extends FieldMode = 'required'>(key: string, mode?: M, options: StringOptions = {}): FieldValue<string, M> {
    const { max = MAX_STRING_CHARS, nonEmpty = false } = options;
    return this.read(key, mode, 'a string', (v) => {
      if (typeof v !== 'string') return undefined;
      if (nonEmpty && v.trim() === '') this.fail(key, 'must not be empty');
      if (v.length > max) this.fail(key, `is longer than ${max} characters`);
      return v;
    });
  }

  /** A safe integer within the bounds. */
  integer<M extends FieldMode = 'required'>(key: string, mode?: M, bounds: RangeOptions = {}): FieldValue<number, M> {
    return this.read(key, mode, 'an integer', (v, must) => {
      if (typeof v !== 'number') return undefined;
      return Number.isSafeInteger(v) ? this.range(key, v, bounds) : this.fail(key, `${must} (got ${v})`);
    });
  }

  /** A finite number within the bounds. */
  number<M extends FieldMode = 'required'>(key: string, mode?: M, bounds: RangeOptions = {}): FieldValue<number, M> {
    return this.read(key, mode, 'a number', (v) => (typeof v === 'number' && Number.isFinite(v) ? this.range(key, v, bounds) : undefined));
  }

  /** A number, or a decimal string such as Django's `"85.50"`, read as a number. */
  decimal<M extends FieldMode = 'required'>(key: string, mode?: M, bounds: RangeOptions = {}): FieldValue<number, M> {
    return this.read(key, mode, 'a number or a decimal string', (v, must) => {
      if (typeof v === 'number') return Number.isFinite(v) ? this.range(key, v, bounds) : undefined;
      if (typeof v !== 'string') return undefined;
      const text = v.trim();
      const n = Number(text);
      if (text.length > 64 || !DECIMAL.test(text) || !Number.isFinite(n)) this.fail(key, `${must} (got ${preview(v)})`);
      return this.range(key, n, bounds);
    });
  }

  /** An id: a non-empty string (at most {@link MAX_ID_CHARS}) or a safe integer, read as a string. */
  id<M extends FieldMode = 'required'>(key: string, mode?: M): FieldValue<string, M> {
    return this.read(key, mode, 'a string or an integer', (v, must) => {
      if (typeof v === 'number') return Number.isSafeInteger(v) ? String(v) : this.fail(key, `${must} (got ${v})`);
      if (typeof v !== 'string') return undefined;
      if (v.trim() === '') this.fail(key, 'must not be empty');
      if (v.length > MAX_ID_CHARS) this.fail(key, `is longer than ${MAX_ID_CHARS} characters`);
      return v;
    });
  }

  /**
   * A timestamp, through {@link normalizeTimestamp}. `lenient` (the default) falls back to
   * now, `nullable` to null; only `required` rejects a missing or wrongly typed value.
   */
  timestamp(key: string, mode: 'required' | 'lenient'): string;
  timestamp(key: string, mode: 'nullable'): string | null;
  timestamp(key: string): string;
  timestamp(key: string, mode: TimestampMode = 'lenient'): string | null {
    const value = this.raw(key);
    const normalized = normalizeTimestamp(value);
    if (mode === 'required') {
      if (value === undefined) this.fail(key, 'is required');
      if (typeof value !== 'string' && typeof value !== 'number') this.fail(key, `must be a string or a number (got ${describe(value)})`);
      if (normalized === null) this.fail(key, 'must be a valid timestamp');
      return normalized;
    }
    return mode === 'nullable' ? normalized : (normalized ?? nowIso());
  }
}

/**
 * Reads typed fields from one decoded JSON object and throws (privately, caught by
 * {@link guard}) an exact message on the first bad field:
 * `<label>: "<path><field>" <problem>`, e.g.
 * `orderStream order.update: "progress" must be a number or null (got string)`.
 */
export class FieldReader extends ScalarFieldReader {
  /** True when the field is present and not null. */
  has(key: string): boolean {
    const value = this.raw(key);
    return value !== undefined && value !== null;
  }

  /** The other own fields, for forwarding server extras. */
  extras(known: readonly string[]): JsonObject {
    return Object.fromEntries(Object.entries(this.fields).filter(([k, v]) => !known.includes(k) && v !== undefined));
  }

  /** One of a fixed set of strings. */
  oneOf<V extends string, M extends FieldMode = 'required'>(key: string, values: readonly V[], mode?: M): FieldValue<V, M> {
    const expected = values.map((v) => JSON.stringify(v)).join(' or ');
    return this.read(key, mode, expected, (v, must) => {
      if (typeof v !== 'string') return undefined;
      return values.includes(v as V) ? (v as V) : this.fail(key, `${must} (got ${preview(v)})`);
    });
  }

  /** A boolean. */
  boolean<M extends FieldMode = 'required'>(key: string, mode?: M): FieldValue<boolean, M> {
    return this.read(key, mode, 'a boolean', (v) => (typeof v === 'boolean' ? v : undefined));
  }

  /** A plain JSON object. */
  object<M extends FieldMode = 'required'>(key: string, mode?: M): FieldValue<JsonObject, M> {
    return this.read(key, mode, 'an object', (v) => (isPlainObject(v) ? v : undefined));
  }

  /** An array (items unchecked). */
  array<M extends FieldMode = 'required'>(key: string, mode?: M): FieldValue<unknown[], M> {
    return this.read(key, mode, 'an array', (v) => (Array.isArray(v) ? v : undefined));
  }

  /** A nested object, as a reader whose errors name `key.field`. */
  reader<M extends FieldMode = 'required'>(key: string, mode?: M): FieldValue<FieldReader, M> {
    const value = this.object(key, mode as FieldMode) as JsonObject | null | undefined;
    return (value ? new FieldReader(value, this.label, `${this.path}${key}.`) : value) as FieldValue<FieldReader, M>;
  }

  /** An array of objects, as readers whose errors name `key[i].field`. */
  readers<M extends FieldMode = 'required'>(key: string, mode?: M): FieldValue<FieldReader[], M> {
    const items = this.array(key, mode as FieldMode) as unknown[] | null | undefined;
    if (!items) return items as FieldValue<FieldReader[], M>;
    return items.map((item, i) =>
      isPlainObject(item) ? new FieldReader(item, this.label, `${this.path}${key}[${i}].`) : this.fail(`${key}[${i}]`, `must be an object (got ${describe(item)})`),
    ) as FieldValue<FieldReader[], M>;
  }
}

/** A handler for one message type: read the fields, return the events. */
export type MessageHandler<E extends { readonly kind: string } = { readonly kind: string }> = (message: FieldReader) => E[];

/**
 * Parse a frame whose `type` field selects a handler. Errors read
 * `<dialect>: unknown message type "x"`, or `<dialect> <type>: "<field>" <problem>`; fields a
 * handler reads with `soft` give `<dialect> <type>: "<a>" <problem>; "<b>" <problem> (the other
 * fields were kept)` with the events of the rest.
 */
export function parseTyped<E extends { readonly kind: string }>(dialect: string, frame: unknown, handlers: Readonly<Record<string, MessageHandler<E>>>): ParseResult<E> {
  return parseTypedWith(FieldReader, dialect, frame, handlers);
}

/**
 * {@link parseTyped} with handlers that get a `Reader` instead of a {@link FieldReader}, e.g.
 * {@link ScalarFieldReader} for a dialect that reads only scalar fields.
 */
export function parseTypedWith<R extends ScalarFieldReader, E extends { readonly kind: string }>(
  Reader: new (fields: JsonObject, label: string) => R,
  dialect: string,
  frame: unknown,
  handlers: Readonly<Record<string, (message: R) => E[]>>,
): ParseResult<E> {
  const message = decodeFrame(frame, dialect);
  if (!message.ok) return message;
  let reader: R | undefined;
  const result = guardValue(dialect, () => {
    const type = new Reader(message.value, dialect).string('type', 'required', { max: 128 });
    if (!Object.hasOwn(handlers, type)) reject(`${dialect}: unknown message type ${preview(type)}`);
    return handlers[type]!((reader = new Reader(message.value, `${dialect} ${type}`)));
  });
  if (!result.ok) return result;
  // Fields read with `soft` that were unusable: one error for the frame, its events kept.
  const problems = reader!.problems.join('; ');
  return problems ? { ok: true, events: result.value, error: `${reader!.label}: ${problems} (the other fields were kept)` } : { ok: true, events: result.value };
}
