/**
 * Shared validation for every dialect: frame decoding with size, depth and forbidden-key
 * checks ({@link decodeFrame}), typed field reading with exact errors ({@link FieldReader}),
 * lenient timestamps ({@link normalizeTimestamp}) and URL sanitising ({@link sanitizeUrl}).
 * No dependencies. Error messages have the form `<dialect>: <problem>` for the frame as a
 * whole and `<dialect> <type>: "<field>" <problem>` for one field.
 */
export {
  MAX_FRAME_CHARS,
  MAX_STRING_CHARS,
  MAX_ID_CHARS,
  MAX_DEPTH,
  MAX_BODY_CHARS,
  FORBIDDEN_KEYS,
  reject,
  preview,
  describe,
  isPlainObject,
  decodeFrame,
  decodeJson,
  guard,
  guardValue,
  compact,
  wireId,
} from './decode';
export type { JsonObject, DecodeResult, ParseResult } from './decode';
export { FieldReader, ScalarFieldReader, parseTyped, parseTypedWith } from './FieldReader';
export type { FieldMode, FieldValue, StringOptions, RangeOptions, TimestampMode, MessageHandler } from './FieldReader';
export { normalizeTimestamp, nowIso, MAX_RAW_TIMESTAMP_CHARS } from './normalizeTimestamp';
export { sanitizeUrl, resolveUrl, MAX_URL_CHARS } from './sanitizeUrl';
