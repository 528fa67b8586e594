/** Replace `{id}` in a path template by the URI-encoded id. */
export function fillPath(template: string, id: string | number): string {
  return template.replace('{id}', encodeURIComponent(String(id)));
}

/** Join an endpoint path onto a socket base URL. */
export function endpointUrl(base: string, path: string, param: string | undefined): string {
  const filled = param === undefined ? path : fillPath(path, param);
  if (/^wss?:\/\//i.test(filled) || /^https?:\/\//i.test(filled)) return filled;
  return new URL(filled.replace(/^\//, ''), base.endsWith('/') ? base : `${base}/`).toString();
}
