// `token=…`, `access_token: "…"`, `auth=…`, `api_key=…`, `password=…`, `secret=…` (any case),
// as a query parameter, a JSON field or a `name=value` pair in prose.
const NAMED = /(\b(?:\w*token|auth|(?:api_?)?key|password|secret)["']?\s*[=:]\s*["']?)[^&#\s"',}]+/gi;
// `Bearer …` and DRF's `Token …` authorization schemes.
const SCHEME = /(\b(?:[Bb]earer|BEARER|Token|TOKEN)\s+)[^&#\s"',}]+/g;

/**
 * Text with every credential-looking value replaced by `[redacted]`. Applied to every error
 * message the kit makes (`RealtimeError`) and to every quoted frame, so a token in a URL, a
 * server's error text or an app's exception never reaches `onError`, logs or the store.
 */
export function redact(text: string): string {
  return text.replace(NAMED, '$1[redacted]').replace(SCHEME, '$1[redacted]');
}
