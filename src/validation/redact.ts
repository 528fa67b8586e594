// `token=…`, `access_token: "…"`, `client_secret=…`, `auth=…`, `Authorization: …`, `api_key=…`,
// `key=…`, `refresh=…`, `password=…`, `sessionid=…`, `X-Amz-Signature=…` (any case), as a query parameter,
// a JSON field or a `name=value` pair in prose.
// Names that always mean a secret: any value after them is hidden.
const NAMED = /(\b(?:\w*(?:token|secret|password|passwd|signature|credential|sessionid|jwt))["']?\s*[=:]\s*["']?)(?!(?:bearer|token|basic)\s)[^&#\s"',;}]+/gi;
// Words that are also ordinary English (`Key: order not found`, `Refresh: try again`): as a
// `name=value` pair, a quoted JSON field or an `Authorization:` header, any value is hidden;
// after a bare `Name:` in prose, only a credential-shaped one (8+ characters with a digit, or 16+).
const LOOSE = /(\b(?:refresh|auth|(?:api_?)?key)["']?\s*=\s*["']?|\b(?:refresh|auth|authorization|(?:api_?)?key)["']\s*:\s*["']|\bauthorization["']?\s*[=:]\s*["']?(?:(?:bearer|token|basic)\s+)?)[^&#\s"',;}]+/gi;
const LOOSE_PROSE = /(\b(?:refresh|auth|(?:api_?)?key)\s*:\s*)(?:(?=[\w.~+/-]*\d)[\w.~+/=-]{8,}|[\w.~+/=-]{16,})/gi;
// `Bearer …`, DRF's `Token …` and `Basic …` authorization schemes, with a credential-shaped value
// ("Token expired" and "Basic users cannot…" are prose).
const SCHEME = /(\b(?:[Bb]earer|BEARER|Token|TOKEN|Basic|BASIC)\s+)(?:(?=[\w.~+/-]*\d)[\w.~+/=-]{8,}|[\w.~+/=-]{16,})/g;
// `token abc123…` in prose: a long value with a digit right after the word.
const PROSE = /(\btoken\s+)(?=[\w.~+/-]*\d)[\w.~+/-]{16,}=*/gi;
// A JWT wherever it stands (`eyJ…` header and payload, then the signature).
const JWT = /\beyJ[\w-]{6,}\.[\w-]{6,}\.[\w-]*/g;

/** Secrets shorter than this are not hidden by value (they would hide ordinary words). */
const MIN_SECRET_CHARS = 8;
/** The most recent secrets kept for {@link redact}: the tokens in use now and just before. */
const MAX_SECRETS = 32;
const secrets: string[] = [];

/**
 * Make {@link redact} hide `value` (and its URL-encoded form) wherever it appears, in any
 * wording: the client calls it with every token its token option yields, so an app's own
 * error text ("refresh failed for <token>") or a server quoting the token back is hidden too.
 * Values shorter than 8 characters are ignored; the latest 32 values are kept.
 */
export function hideSecret(value: string): void {
  if (typeof value !== 'string' || value.length < MIN_SECRET_CHARS) return;
  for (const form of new Set([value, encodeURIComponent(value)])) {
    const known = secrets.indexOf(form);
    if (known !== -1) secrets.splice(known, 1);
    secrets.push(form);
  }
  if (secrets.length > MAX_SECRETS) secrets.splice(0, secrets.length - MAX_SECRETS);
}

/**
 * Text with every credential-looking value replaced by `[redacted]`: named values (`token=`,
 * `"access_token": "…"`, `key=`, `password=`, …), `Bearer`/`Token`/`Basic` credentials, JWTs,
 * and the tokens the kit was given ({@link hideSecret}). Applied to every error message the kit
 * makes (`RealtimeError`), to every quoted frame and to connection states, so a token in a URL,
 * a server's error text or an app's exception never reaches `onError`, logs or the store.
 */
export function redact(text: string): string {
  let out = String(text);
  for (const secret of secrets) if (out.includes(secret)) out = out.split(secret).join('[redacted]');
  return out.replace(JWT, '[redacted]').replace(NAMED, '$1[redacted]').replace(LOOSE, '$1[redacted]').replace(LOOSE_PROSE, '$1[redacted]').replace(SCHEME, '$1[redacted]').replace(PROSE, '$1[redacted]');
}
