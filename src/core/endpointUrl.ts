import { redact } from '../validation/redact';

// "." and "..", and any character a server may read as part of the path or the URL once it has
// decoded the id (Django routes the decoded path): / \ ? # %, and control characters.
// eslint-disable-next-line no-control-regex
const UNSAFE_ID = /^\.{1,2}$|[/\\?#%\u0000-\u001f\u007f]/;

/**
 * Why `id` cannot fill `{id}` in a path, or null when it can. An id that is `.` or `..`, or
 * holds `/ \ ? # %` or a control character, could move the URL to another route once a server
 * resolves dot segments or decodes it (`ws/orders/../` is `ws/`, `%2e%2e` is `..`), so such ids
 * are refused rather than encoded. Ids are numbers, UUIDs, slugs, names: none needs them.
 */
export function pathParamProblem(id: string | number): string | null {
  const text = String(id);
  if (text === '') return 'an id must not be empty';
  return UNSAFE_ID.test(text) ? 'an id must not be "." or "..", nor contain / \\ ? # % or control characters, which would change the path' : null;
}

/** Throw a TypeError naming the fix when `id` cannot fill `{id}` in `template` (see {@link pathParamProblem}). */
export function checkPathParam(id: string | number, template: string, who = ''): void {
  const problem = pathParamProblem(id);
  if (problem) throw new TypeError(`${who ? `${who}: ` : ''}${JSON.stringify(redact(String(id).slice(0, 80)))} cannot fill {id} in ${template}: ${problem}. Pass the id itself (e.g. 42 or a UUID), not a path.`);
}

/** Replace `{id}` in a path template by the URI-encoded id; an id that would change the path throws (see {@link pathParamProblem}). */
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
