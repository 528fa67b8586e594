/** Longest URL kept by {@link sanitizeUrl}. */
export const MAX_URL_CHARS = 4096;

// Browsers drop tabs and newlines anywhere in a URL and trim C0 controls and spaces, so
// `java\tscript:` and ` javascript:` both run script. Any such character (plus the other
// Unicode spaces and the backslash, which browsers read as `/`) makes the URL unsafe.
// eslint-disable-next-line no-control-regex
const UNSAFE_CHARS = /[\u0000-\u0020\u007f-\u00a0\u1680\u180e\u2000-\u200f\u2028-\u202f\u205f\u3000\ufeff\\]/;
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
/** The authority as written: what follows `//` up to the next `/`, `?` or `#`. */
const AUTHORITY = /^(?:[a-z][a-z0-9+.-]*:)?\/\/([^/?#]*)/i;

/**
 * Whether a parsed `http(s)` URL loads from the host its text shows. The authority as written
 * must be exactly the host the URL parser found (any case, an explicit default port allowed),
 * which refuses every way of writing one host and loading another: userinfo
 * (`https://good.com@evil.com`), an empty authority (`///evil.com`, `https:///evil.com`),
 * percent-escapes (`good.com%2eevil.com`), numeric IPv4 spellings (`0x7f.1`), and Unicode
 * lookalikes (`аpple.com`, parsed as `xn--pple-43d.com`). Punycode labels (`xn--`) are refused
 * too: browsers show them in Unicode, where they can imitate another name.
 */
function namesItsHost(url: string, parsed: URL): boolean {
  const written = AUTHORITY.exec(url)?.[1]?.toLowerCase();
  if (!written || !parsed.hostname || /(^|\.)xn--/i.test(parsed.hostname)) return false;
  return written === parsed.host || written === `${parsed.hostname}:${parsed.protocol === 'https:' ? 443 : 80}`;
}

/**
 * Keep a URL from the wire only when it is safe to use as an `href` or `src`, and loads from
 * the host it shows.
 *
 * The link policy: foreign hosts are allowed (attachments and avatars often live on a CDN or an
 * object store, not the API server), but a URL must name its host honestly, so that what a
 * person reads is where the browser goes. Kept: absolute `http:`/`https:` URLs written
 * `scheme://host/…`; scheme-relative ones (`//cdn.example.com/a.png`) on the same terms; and
 * relative ones (`/media/a.png`, `media/a.png`, `?page=2`), which stay on the server they came
 * from. Refused (`null`): every other scheme (`javascript:`, `data:`, `vbscript:`, `blob:`,
 * `file:`); `https:/evil.com` and `https:evil.com` (browsers fill in the host); userinfo
 * (`https://good.com@evil.com/a.png` loads from evil.com); `///evil.com`; backslashes,
 * whitespace and control characters anywhere (browsers drop or rewrite them); hosts written
 * with percent-escapes or numeric IPv4 tricks; IDN hosts, in Unicode or punycode (lookalikes);
 * URLs over {@link MAX_URL_CHARS} characters; non-strings. Showing a foreign link's real host
 * is the renderer's part: see {@link foreignHost}. The URL is returned unchanged when kept.
 * Never throws.
 */
export function sanitizeUrl(url: unknown): string | null {
  if (typeof url !== 'string' || url === '' || url.length > MAX_URL_CHARS) return null;
  if (UNSAFE_CHARS.test(url)) return null;
  const scheme = SCHEME.exec(url);
  if (!scheme && !url.startsWith('//')) return url;
  const name = scheme?.[1]!.toLowerCase() ?? 'https';
  if (name !== 'http' && name !== 'https') return null;
  try {
    return namesItsHost(url, new URL(scheme ? url : `https:${url}`)) ? url : null;
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

/**
 * The host a link really goes to (`cdn.example.com`, with a port when it has one), when that is
 * not the server it came from (`base`, the client's `apiUrl`; else the page's origin); `null`
 * for a link that stays there, for a relative link, and for a URL {@link sanitizeUrl} refuses.
 * Renderers show it next to a foreign link or image ("floor-plan.png — cdn.example.com") so a
 * file name cannot pass for a file of the app's own server. Never throws.
 */
export function foreignHost(url: unknown, base?: string | null): string | null {
  const safe = sanitizeUrl(url);
  if (!safe || (!SCHEME.test(safe) && !safe.startsWith('//'))) return null;
  const page = (globalThis as { location?: { origin?: string } }).location?.origin;
  try {
    const target = new URL(safe, 'https://invalid.invalid');
    const home = sanitizeUrl(base ?? null) ?? (page && page !== 'null' ? page : null);
    return home && new URL(home).origin === target.origin ? null : target.host;
  } catch {
    return null;
  }
}
