/** Longest URL kept by {@link sanitizeUrl}. */
export const MAX_URL_CHARS = 4096;

// Browsers drop tabs and newlines anywhere in a URL and trim C0 controls and spaces, so
// `java\tscript:` and ` javascript:` both run script. Any such character (plus the other
// Unicode spaces and the backslash, which browsers read as `/`) makes the URL unsafe.
// eslint-disable-next-line no-control-regex
const UNSAFE_CHARS = /[\u0000-\u0020\u007f-\u00a0\u1680\u180e\u2000-\u200f\u2028-\u202f\u205f\u3000\ufeff\\]/;
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/**
 * Keep a URL from the wire only when it is safe to use as an `href` or `src`: an absolute
 * `http:`/`https:` URL, or a relative one (`/media/a.png`, `media/a.png`, `?page=2`,
 * `//cdn.example.com/a.png`). Everything else (`javascript:`, `data:`, `vbscript:`, `blob:`,
 * `file:`, URLs hiding a scheme behind whitespace or control characters, over-long URLs and
 * non-strings) becomes `null`. The URL is returned unchanged when kept. Never throws.
 */
export function sanitizeUrl(url: unknown): string | null {
  if (typeof url !== 'string' || url === '' || url.length > MAX_URL_CHARS) return null;
  if (UNSAFE_CHARS.test(url)) return null;
  const scheme = SCHEME.exec(url);
  if (!scheme) return url;
  const name = scheme[1]!.toLowerCase();
  if (name !== 'http' && name !== 'https') return null;
  try {
    return new URL(url).hostname === '' ? null : url;
  } catch {
    return null;
  }
}

/**
 * {@link sanitizeUrl}, then a relative URL (`/media/a.png`, the ERP's `FileField` URLs) resolved
 * against `base`, the server it came from (the client's `apiUrl`), not the page. Absolute URLs
 * are kept as they are; without a usable base a relative URL stays relative. The result is
 * sanitised again, so a base can never let a `javascript:` URL through. Never throws.
 */
export function resolveUrl(url: unknown, base: string | null | undefined): string | null {
  const safe = sanitizeUrl(url);
  if (!safe || !base || SCHEME.test(safe)) return safe;
  try {
    return sanitizeUrl(new URL(safe, sanitizeUrl(base) ?? undefined).href);
  } catch {
    return safe;
  }
}
