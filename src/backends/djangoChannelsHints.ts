/**
 * What a refused handshake most likely means on the Django Channels backends: their
 * `AllowedHostsOriginValidator` (and, where there is one, the token check) answers HTTP 403
 * before accepting, which browsers report only as close code 1006.
 */
export const originHint = 'Is your site in the server\'s ALLOWED_HOSTS? Django Channels refuses other Origins with a 403 (close 1006 in browsers, as when the server is down).';

/** The same, for the backends that also check a token in the handshake. */
export const tokenOrOriginHint =
  'A Django Channels server answers a bad token or a foreign Origin with HTTP 403, which browsers report as close 1006 (as when the server is down); check the token, ALLOWED_HOSTS and that the server is up.';
