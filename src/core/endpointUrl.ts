import { redact } from '../validation/redact';

// "." and "..", and any character a server may read as part of the path or the URL once it has
// decoded the id (Django routes the decoded path): / \ ? # %, and control characters.
// eslint-disable-next-line no-control-regex
const UNSAFE_ID = /^\.{1,2}$|[/\\?#%\u0000-\u001f\u007f]/;

/**
 * Throw a TypeError naming the fix when `id` cannot fill `{id}` in `template`. An id that is
 * empty, `.` or `..`, or holds `/ \ ? # %` or a control character, could move the URL to
 * another route once a server resolves dot segments or decodes it (`ws/orders/../` is `ws/`,
 * `%2e%2e` is `..`), so such ids are refused rather than encoded. Ids are numbers, UUIDs,
 * slugs, names: none needs them.
 */
export function checkPathParam(id: string | number, template: string, who = ''): void {
  const text = String(id);
  if (text === '' || UNSAFE_ID.test(text)) {
    throw new TypeError(`${who ? `${who}: ` : ''}${JSON.stringify(redact(text.slice(0, 80)))} cannot fill {id} in ${template}: an id must not be empty, "." or "..", nor hold / \\ ? # % or control characters. Pass the id itself (e.g. 42), not a path.`);
  }
}

/** Replace `{id}` in a path template by the URI-encoded id; an id that would change the path throws (see {@link checkPathParam}). */
export function fillPath(template: string, id: string | number): string {
  checkPathParam(id, template);
  return template.replace('{id}', encodeURIComponent(String(id)));
}

/** Join an endpoint path onto a socket base URL. */
export function endpointUrl(base: string, path: string, param: string | undefined): string {
  const filled = param === undefined ? path : fillPath(path, param);
  if (/^wss?:\/\//i.test(filled) || /^https?:\/\//i.test(filled)) return filled;
  return new URL(filled.replace(/^\//, ''), base.endsWith('/') ? base : `${base}/`).toString();
}
