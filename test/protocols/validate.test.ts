import {
  FieldReader,
  MAX_FRAME_CHARS,
  MAX_STRING_CHARS,
  decodeFrame,
  guard,
  guardValue,
  normalizeTimestamp,
  sanitizeUrl,
  resolveUrl,
  wireId,
} from '../../src/validation/validate';
import { foreignHost } from '../../src/validation/sanitizeUrl';
import { hideSecret, redact } from '../../src/validation/redact';
import type { JsonObject } from '../../src/validation/validate';

const NOW = '2030-05-06T07:08:09.000Z';
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(NOW));
});
afterEach(() => vi.useRealTimers());

describe('decodeFrame', () => {
  it('exports the documented caps', () => {
    expect(MAX_FRAME_CHARS).toBe(262144);
    expect(MAX_STRING_CHARS).toBe(65536);
  });

  it.each<[string, unknown, JsonObject]>([
    ['JSON text', '{"type":"x","n":1}', { type: 'x', n: 1 }],
    ['a decoded object', { event: 'connected', data: { a: [1, null] } }, { event: 'connected', data: { a: [1, null] } }],
    ['a null-prototype object', Object.assign(Object.create(null) as object, { a: 1 }), { a: 1 }],
    ['nested JSON at the depth limit', `${'{"a":'.repeat(31)}1${'}'.repeat(31)}`, JSON.parse(`${'{"a":'.repeat(31)}1${'}'.repeat(31)}`) as JsonObject],
    ['a frame exactly at the cap', `{"s":"${'x'.repeat(MAX_FRAME_CHARS - 8)}"}`, { s: 'x'.repeat(MAX_FRAME_CHARS - 8) }],
  ])('accepts %s', (_name, frame, value) => {
    expect(decodeFrame(frame, 't')).toEqual({ ok: true, value });
  });

  it.each<[string, unknown, string]>([
    ['text that is not JSON', 'not json', 't: frame is not valid JSON: "not json"'],
    ['an empty string', '', 't: frame is not valid JSON: ""'],
    ['truncated JSON', '{"type":', 't: frame is not valid JSON: "{\\"type\\":"'],
    ['a JSON array', '[1,2]', 't: frame must be a JSON object'],
    ['JSON null', 'null', 't: frame must be a JSON object'],
    ['a JSON number', '42', 't: frame must be a JSON object'],
    ['a JSON string', '"hello"', 't: frame must be a JSON object'],
    ['undefined', undefined, 't: frame must be a JSON object'],
    ['null', null, 't: frame must be a JSON object'],
    ['a number', 7, 't: frame must be a JSON object'],
    ['an array object', [{ type: 'x' }], 't: frame must be a JSON object'],
    ['a class instance', new Date(0), 't: frame must be a JSON object'],
    ['an ArrayBuffer', new ArrayBuffer(4), 't: frame must be a JSON object'],
    ['__proto__ at the top', '{"__proto__":{"polluted":true}}', 't: frame contains the forbidden key "__proto__"'],
    ['__proto__ deep inside', '{"type":"x","data":{"list":[{"__proto__":{}}]}}', 't: frame contains the forbidden key "__proto__"'],
    ['constructor', '{"type":"x","constructor":{"prototype":{}}}', 't: frame contains the forbidden key "constructor"'],
    ['prototype', '{"type":"x","a":{"prototype":1}}', 't: frame contains the forbidden key "prototype"'],
    ['forbidden key in a decoded object', JSON.parse('{"data":{"__proto__":1}}'), 't: frame contains the forbidden key "__proto__"'],
    ['text over the cap', `{"s":"${'x'.repeat(MAX_FRAME_CHARS)}"}`, 't: frame is larger than 262144 characters'],
    ['a 1 MB string field', `{"s":"${'x'.repeat(1_000_000)}"}`, 't: frame is larger than 262144 characters'],
    ['a decoded object over the cap', { s: 'x'.repeat(300_000) }, 't: frame is larger than 262144 characters'],
    ['nesting past the limit', `${'{"a":'.repeat(40)}1${'}'.repeat(40)}`, 't: frame is nested deeper than 32 levels'],
    ['deeply nested arrays', `{"a":${'['.repeat(100_000)}${']'.repeat(100_000)}}`, 't: frame is nested deeper than 32 levels'],
    ['a non-JSON value in a decoded object', { a: new Date(0) }, 't: frame contains a value that is not JSON (object)'],
    ['a function in a decoded object', { a: () => 1 }, 't: frame contains a value that is not JSON (function)'],
    ['NaN in a decoded object', { a: Number.NaN }, 't: frame contains a number that is not finite'],
  ])('rejects %s', (_name, frame, error) => {
    expect(decodeFrame(frame, 't')).toEqual({ ok: false, error });
  });

  it('survives a cyclic decoded object', () => {
    const a: Record<string, unknown> = {};
    a.self = a;
    expect(decodeFrame(a, 't')).toEqual({ ok: false, error: 't: frame is nested deeper than 32 levels' });
  });
});

describe('FieldReader', () => {
  const fields: JsonObject = {
    s: 'text', blank: '  ', n: 1.5, i: 7, neg: -3, big: 2 ** 60, frac: 2.5, dec: '85.50', decNum: 12, bad: 'abc',
    id: 'a1', idNum: 42, idEmpty: '', b: true, o: { x: 1 }, arr: [1], nul: null, long: 'y'.repeat(MAX_STRING_CHARS + 1),
    when: '2025-01-01 10:00:00.123456', obj: {}, items: [{ a: 1 }, 'x'], act: 'deleted',
  };
  const r = new FieldReader(fields, 'd t');

  it.each<[string, () => unknown, unknown]>([
    ['required string', () => r.string('s'), 'text'],
    ['nullable string, null', () => r.string('nul', 'nullable'), null],
    ['nullable string, missing', () => r.string('missing', 'nullable'), null],
    ['optional string, missing', () => r.string('missing', 'optional'), undefined],
    ['optional string, null', () => r.string('nul', 'optional'), null],
    ['integer', () => r.integer('i'), 7],
    ['number', () => r.number('n'), 1.5],
    ['number in range', () => r.number('i', 'required', { min: 0, max: 100 }), 7],
    ['decimal string', () => r.decimal('dec'), 85.5],
    ['decimal number', () => r.decimal('decNum'), 12],
    ['id string', () => r.id('id'), 'a1'],
    ['id integer', () => r.id('idNum'), '42'],
    ['boolean', () => r.boolean('b'), true],
    ['object', () => r.object('o'), { x: 1 }],
    ['array', () => r.array('arr'), [1]],
    ['oneOf', () => r.oneOf('s', ['text', 'other']), 'text'],
    ['timestamp', () => r.timestamp('when'), '2025-01-01T10:00:00.123Z'],
    ['lenient timestamp, wrong type', () => r.timestamp('obj'), NOW],
    ['lenient timestamp, missing', () => r.timestamp('missing'), NOW],
    ['nullable timestamp, wrong type', () => r.timestamp('obj', 'nullable'), null],
    ['required timestamp', () => r.timestamp('when', 'required'), '2025-01-01T10:00:00.123Z'],
    ['nested reader', () => r.reader('o').integer('x'), 1],
  ])('reads %s', (_name, read, value) => {
    expect(read()).toEqual(value);
  });

  it.each<[string, () => unknown, string]>([
    ['missing required', () => r.string('missing'), 'd t: "missing" is required'],
    ['wrong type', () => r.string('i'), 'd t: "i" must be a string (got number)'],
    ['wrong type, nullable', () => r.number('s', 'nullable'), 'd t: "s" must be a number or null (got string)'],
    ['null where required', () => r.string('nul'), 'd t: "nul" must be a string (got null)'],
    ['too long', () => r.string('long'), 'd t: "long" is longer than 65536 characters'],
    ['custom max', () => r.string('s', 'required', { max: 2 }), 'd t: "s" is longer than 2 characters'],
    ['blank non-empty', () => r.string('blank', 'required', { nonEmpty: true }), 'd t: "blank" must not be empty'],
    ['fraction as integer', () => r.integer('frac'), 'd t: "frac" must be an integer (got 2.5)'],
    ['unsafe integer', () => r.integer('big', 'nullable'), `d t: "big" must be an integer or null (got ${2 ** 60})`],
    ['array as integer', () => r.integer('arr'), 'd t: "arr" must be an integer (got array)'],
    ['out of range', () => r.number('i', 'required', { min: 0, max: 5 }), 'd t: "i" must be between 0 and 5 (got 7)'],
    ['below min', () => r.integer('neg', 'required', { min: 0 }), 'd t: "neg" must be at least 0 (got -3)'],
    ['above max', () => r.integer('i', 'required', { max: 5 }), 'd t: "i" must be at most 5 (got 7)'],
    ['non-decimal string', () => r.decimal('bad', 'nullable'), 'd t: "bad" must be a number or a decimal string or null (got "abc")'],
    ['decimal of wrong type', () => r.decimal('b'), 'd t: "b" must be a number or a decimal string (got boolean)'],
    ['empty id', () => r.id('idEmpty'), 'd t: "idEmpty" must not be empty'],
    ['fraction as id', () => r.id('frac'), 'd t: "frac" must be a string or an integer (got 2.5)'],
    ['object as id', () => r.id('o'), 'd t: "o" must be a string or an integer (got object)'],
    ['string as boolean', () => r.boolean('s'), 'd t: "s" must be a boolean (got string)'],
    ['array as object', () => r.object('arr'), 'd t: "arr" must be an object (got array)'],
    ['object as array', () => r.array('o', 'optional'), 'd t: "o" must be an array or null (got object)'],
    ['value outside oneOf', () => r.oneOf('act', ['approved', 'rejected']), 'd t: "act" must be "approved" or "rejected" (got "deleted")'],
    ['nested field', () => r.reader('o').string('x'), 'd t: "o.x" must be a string (got number)'],
    ['array item', () => r.readers('items'), 'd t: "items[1]" must be an object (got string)'],
    ['required timestamp, missing', () => r.timestamp('missing', 'required'), 'd t: "missing" is required'],
    ['required timestamp, wrong type', () => r.timestamp('obj', 'required'), 'd t: "obj" must be a string or a number (got object)'],
    ['required timestamp, blank', () => r.timestamp('blank', 'required'), 'd t: "blank" must be a valid timestamp'],
  ])('rejects %s', (_name, read, error) => {
    expect(guardValue('d', read)).toEqual({ ok: false, error });
  });

  it('ignores inherited properties', () => {
    expect(guardValue('d', () => new FieldReader({}, 'd t').string('toString'))).toEqual({ ok: false, error: 'd t: "toString" is required' });
  });
});

describe('guard', () => {
  it('turns unexpected exceptions into error results', () => {
    expect(guard('d', () => { throw new RangeError('boom'); })).toEqual({ ok: false, error: 'd: unexpected parser failure: boom' });
    expect(guard('d', () => { throw 'odd'; })).toEqual({ ok: false, error: 'd: unexpected parser failure: odd' });
  });
});

describe('normalizeTimestamp', () => {
  it.each<[string, unknown, string | null]>([
    ['ISO with Z', '2024-01-15T10:30:00Z', '2024-01-15T10:30:00.000Z'],
    ['ISO with offset', '2024-01-15T12:30:00+02:00', '2024-01-15T10:30:00.000Z'],
    ['ISO with millis', '2024-01-15T10:30:00.250Z', '2024-01-15T10:30:00.250Z'],
    ['space and microseconds (naive read as UTC)', '2025-01-01 10:00:00.123456', '2025-01-01T10:00:00.123Z'],
    ['Python aware datetime', '2025-01-01 10:00:00.123456+00:00', '2025-01-01T10:00:00.123Z'],
    ['the quoted admin quirk', '"2025-01-01 10:00:00.123456"', '2025-01-01T10:00:00.123Z'],
    ['the quirk, escaped twice', '\\"2025-01-01 10:00:00\\"', '2025-01-01T10:00:00.000Z'],
    ['single quotes and spaces', "  '2025-01-01T10:00:00Z'  ", '2025-01-01T10:00:00.000Z'],
    ['a date only', '2025-03-04', '2025-03-04T00:00:00.000Z'],
    ["DRF's DATETIME_FORMAT '%Y-%m-%d %I:%M %p' (the ERP's REST)", '2026-12-01 09:41 PM', '2026-12-01T21:41:00.000Z'],
    ['12 AM is midnight', '2026-12-01 12:05 AM', '2026-12-01T00:05:00.000Z'],
    ['12 PM is noon', '2026-12-01 12:05 pm', '2026-12-01T12:05:00.000Z'],
    ['no hour 13 on a 12-hour clock', '2026-12-01 13:05 PM', '2026-12-01 13:05 PM'],
    ['epoch milliseconds', 1_700_000_000_000, '2023-11-14T22:13:20.000Z'],
    ['epoch seconds', 1_700_000_000, '2023-11-14T22:13:20.000Z'],
    ['epoch seconds as text', '1700000000', '2023-11-14T22:13:20.000Z'],
    ['RFC 2822', 'Mon, 15 Jan 2024 10:30:00 GMT', '2024-01-15T10:30:00.000Z'],
    ['text without a digit names no time (then the receipt time)', '"yesterday-ish"', null],
    ['"now" names no time', 'now', null],
    ["SmartHunt's json.dumps({timestamp: 'now'})", '{"timestamp": "now"}', null],
    ['impossible date kept as text', '2025-02-30 10:00:00', '2025-02-30 10:00:00'],
    ['impossible date in the canonical form kept as text', '2025-02-30T10:00:00.000Z', '2025-02-30T10:00:00.000Z'],
    ['hour 24 in the canonical form kept as text', '2025-01-01T24:00:00.000Z', '2025-01-01T24:00:00.000Z'],
    ['a canonical time in a leap year', '2024-02-29T23:59:59.999Z', '2024-02-29T23:59:59.999Z'],
    ['long junk with a digit capped at 64', `1${'z'.repeat(100)}`, `1${'z'.repeat(63)}`],
    ['control characters stripped', 'soon 5\u0000\u001b', 'soon 5'],
    ['null', null, null],
    ['undefined', undefined, null],
    ['empty', '', null],
    ['only quotes', '""', null],
    ['an object', { at: 1 }, null],
    ['a boolean', true, null],
    ['Infinity', Number.POSITIVE_INFINITY, null],
    ['an out-of-range number', 1e20, null],
  ])('%s', (_name, input, expected) => {
    expect(normalizeTimestamp(input)).toBe(expected);
  });

  it('gives back every canonical UTC time unchanged, and one with a trailing junk character the long way', () => {
    for (let ms = -62_000_000_000_000; ms < 253_000_000_000_000; ms += 7_919_999_997_777) {
      const iso = new Date(ms).toISOString();
      if (iso.length !== 24) continue; // years outside 0000–9999 print with a sign
      expect(normalizeTimestamp(iso)).toBe(iso);
      expect(normalizeTimestamp(` ${iso}"`)).toBe(iso);
    }
  });
});

describe('sanitizeUrl', () => {
  it.each<[unknown, string | null]>([
    ['https://example.com/file.pdf', 'https://example.com/file.pdf'],
    ['http://example.com/a.png?x=1#y', 'http://example.com/a.png?x=1#y'],
    ['HTTPS://EXAMPLE.COM/A', 'HTTPS://EXAMPLE.COM/A'],
    ['/media/a.png', '/media/a.png'],
    ['media/a.png', 'media/a.png'],
    ['./a.png', './a.png'],
    ['?page=2', '?page=2'],
    ['//cdn.example.com/a.png', '//cdn.example.com/a.png'],
    ['/media/%20space.png', '/media/%20space.png'],
    ['/media/ファイル.png', '/media/ファイル.png'],
    ['javascript:alert(1)', null],
    ['JavaScript:alert(1)', null],
    ['java\tscript:alert(1)', null],
    ['java\nscript:alert(1)', null],
    [' javascript:alert(1)', null],
    ['\u0000javascript:alert(1)', null],
    ['\u00a0javascript:alert(1)', null],
    ['\ufeffjavascript:alert(1)', null],
    ['data:text/html,<script>alert(1)</script>', null],
    ['vbscript:msgbox(1)', null],
    ['file:///etc/passwd', null],
    ['blob:https://example.com/x', null],
    ['ftp://example.com/a', null],
    ['/\\evil.com', null],
    ['http://', null],
    ['https:///nohost', null],
    ['', null],
    [null, null],
    [undefined, null],
    [42, null],
    [{ href: 'https://x' }, null],
  ])('%j → %j', (input, expected) => {
    expect(sanitizeUrl(input)).toBe(expected);
  });

  it('drops over-long URLs', () => {
    expect(sanitizeUrl(`https://example.com/${'a'.repeat(5000)}`)).toBeNull();
  });

  // The link policy: foreign hosts may be linked, but only under their own name. Each trick
  // below shows one host (or none) and loads another in a browser.
  it.each<[string, string, string | null]>([
    ['three slashes: a browser loads evil.com', '///evil.com/a.png', null],
    ['three slashes after the scheme', 'https:///evil.com/a.png', null],
    ['one slash after the scheme', 'https:/evil.com/a.png', null],
    ['no slash after the scheme', 'https:evil.com/a.png', null],
    ['userinfo: loads from evil.com', 'https://good.com@evil.com/a.png', null],
    ['userinfo with a password', 'https://good.com:pass@evil.com/a.png', null],
    ['userinfo, scheme-relative', '//good.com@evil.com/a.png', null],
    ['an escaped @ in the host', 'https://good.com%40evil.com/a.png', null],
    ['an escaped dot in the host', 'https://good.com%2eevil.com/a.png', null],
    ['a backslash as a slash', 'https:\\evil.com/a.png', null],
    ['a backslash after the host', 'https://good.com\\@evil.com/a.png', null],
    ['a backslash in a relative URL', '/\\evil.com/a.png', null],
    ['a tab inside the scheme-relative slashes', '/\t/evil.com/a.png', null],
    ['a newline in the host', 'https://good.com\n.evil.com/a.png', null],
    ['a leading space', ' https://evil.com/a.png', null],
    ['a zero-width space in the host', 'https://good\u200b.com/a.png', null],
    ['a right-to-left override', 'https://evil.com/\u202egnp.exe', null],
    ['a Cyrillic lookalike host (IDN)', 'https://аpple.com/a.png', null],
    ['the same lookalike in punycode', 'https://xn--pple-43d.com/a.png', null],
    ['a hexadecimal IPv4 host', 'https://0x7f.0.0.1/a.png', null],
    ['a decimal IPv4 host', 'https://2130706433/a.png', null],
    ['an empty host with a port', 'https://:443/a.png', null],
    ['a foreign host, written plainly', 'https://cdn.example.com/a.png', 'https://cdn.example.com/a.png'],
    ['a lookalike subdomain, written plainly (its real host is shown: foreignHost)', 'https://good.com.evil.com/a.png', 'https://good.com.evil.com/a.png'],
    ['an explicit default port', 'https://example.com:443/a.png', 'https://example.com:443/a.png'],
    ['another port', 'http://127.0.0.1:8000/media/a.png', 'http://127.0.0.1:8000/media/a.png'],
    ['an IPv6 host', 'http://[::1]:8000/a.png', 'http://[::1]:8000/a.png'],
    ['a relative path with an @', '/media/me@home.png', '/media/me@home.png'],
  ])('%s: %j → %j', (_, input, expected) => {
    expect(sanitizeUrl(input)).toBe(expected);
  });
});

describe('foreignHost (the real host a renderer shows next to a foreign link)', () => {
  it.each<[string, string | null | undefined, string | null]>([
    ['https://cdn.example.com/a.png', 'https://api.example.com', 'cdn.example.com'],
    ['https://good.com.evil.com/a.png', 'https://good.com', 'good.com.evil.com'],
    ['//files.example.com:8443/a.pdf', 'https://api.example.com', 'files.example.com:8443'],
    ['https://api.example.com/media/a.png', 'https://api.example.com/erp/', null],
    ['https://API.example.com:443/media/a.png', 'https://api.example.com', null],
    ['http://api.example.com/media/a.png', 'https://api.example.com', 'api.example.com'],
    ['/media/a.png', 'https://api.example.com', null],
    ['media/a.png', null, null],
    ['https://good.com@evil.com/a.png', 'https://good.com', null],
    ['javascript:alert(1)', 'https://good.com', null],
    ['https://cdn.example.com/a.png', null, 'cdn.example.com'],
  ])('%j from %j → %j', (url, base, expected) => {
    expect(foreignHost(url, base)).toBe(expected);
  });
});

describe('redact', () => {
  it.each<[string, string]>([
    ['GET /ws/orders/1/?token=s3cr3t&x=1', 'GET /ws/orders/1/?token=[redacted]&x=1'],
    ['wss://h/ws/?access_token=s3cr3t', 'wss://h/ws/?access_token=[redacted]'],
    ['bad request:  token=s3cr3t was refused', 'bad request:  token=[redacted] was refused'],
    ['/api/?key=s3cr3t', '/api/?key=[redacted]'],
    ['/api/?api_key=s3cr3t&apikey=s3cr3t', '/api/?api_key=[redacted]&apikey=[redacted]'],
    ['{"token": "s3cr3t"}', '{"token": "[redacted]"}'],
    ['{"detail":"x","refresh_token":"s3cr3t"}', '{"detail":"x","refresh_token":"[redacted]"}'],
    ["{'password': 's3cr3t'}", "{'password': '[redacted]'}"],
    ['client_secret=s3cr3t', 'client_secret=[redacted]'],
    ['Authorization: Bearer s3cr3t', 'Authorization: Bearer [redacted]'],
    ['Authorization: Token s3cr3t', 'Authorization: Token [redacted]'],
    ['Authorization: Basic dXNlcjpwYXNz', 'Authorization: Basic [redacted]'],
    ['authorization=s3cr3t', 'authorization=[redacted]'],
    ['Invalid token 9f8e7d6c5b4a3928170a expired', 'Invalid token [redacted] expired'],
    ['jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl rejected', 'jwt [redacted] rejected'],
    ['?X-Amz-Signature=abc&X-Amz-Credential=AKIA%2F', '?X-Amz-Signature=[redacted]&X-Amz-Credential=[redacted]'],
    ['sessionid=abc; csrftoken=def', 'sessionid=[redacted]; csrftoken=[redacted]'],
    ['POST /auth/refresh/ {"refresh": "s3cr3t"}', 'POST /auth/refresh/ {"refresh": "[redacted]"}'],
    ['Unknown message type: X', 'Unknown message type: X'],
    ['closed with code 1006 (author: Sam)', 'closed with code 1006 (author: Sam)'],
  ])('%j → %j', (text, expected) => {
    expect(redact(text)).toBe(expected);
  });

  it('hides a token the kit was given in any wording, URL-encoded too; short values are left alone', () => {
    hideSecret('Zq9/sK2v+X7mP4wR');
    hideSecret('short');
    expect(redact('refresh failed for Zq9/sK2v+X7mP4wR (try again)')).toBe('refresh failed for [redacted] (try again)');
    expect(redact('GET /ws/?t=Zq9%2FsK2v%2BX7mP4wR')).toBe('GET /ws/?t=[redacted]');
    expect(redact('a short answer')).toBe('a short answer');
  });
});

describe('resolveUrl (attachments: relative to the API server, not the page)', () => {
  it.each<[unknown, string | null | undefined, string | null]>([
    ['/media/chat/a.png', 'https://api.example.com', 'https://api.example.com/media/chat/a.png'],
    ['/media/chat/a.png', 'https://api.example.com/erp/', 'https://api.example.com/media/chat/a.png'],
    ['media/a.pdf', 'https://api.example.com/erp/', 'https://api.example.com/erp/media/a.pdf'],
    ['//cdn.example.com/a.png', 'https://api.example.com', 'https://cdn.example.com/a.png'],
    ['https://s3.example.com/a.png', 'https://api.example.com', 'https://s3.example.com/a.png'],
    ['/media/a.png', null, '/media/a.png'],
    ['/media/a.png', undefined, '/media/a.png'],
    ['/media/a.png', 'javascript:alert(1)//', '/media/a.png'],
    ['/media/a.png', 'not a url', '/media/a.png'],
    ['javascript:alert(1)', 'https://api.example.com', null],
    ['data:text/html,<b>x</b>', 'https://api.example.com', null],
    [' javascript:alert(1)', 'https://api.example.com', null],
    [42, 'https://api.example.com', null],
  ])('%j against %j → %j', (url, base, expected) => {
    expect(resolveUrl(url, base)).toBe(expected);
  });
});

describe('wireId', () => {
  it.each<[string | number, string | number]>([
    ['42', 42],
    [42, 42],
    ['0', 0],
    ['007', '007'],
    ['550e8400-e29b-41d4-a716-446655440000', '550e8400-e29b-41d4-a716-446655440000'],
    ['9'.repeat(20), '9'.repeat(20)],
  ])('%j → %j', (input, expected) => {
    expect(wireId(input)).toBe(expected);
  });
});

describe('public entry', () => {
  it('exports every dialect and the helpers an app customises with', async () => {
    const barrel = await import('react-realtime-kit');
    for (const name of ['orderStreamDialect', 'timingDialect', 'notificationsDialect', 'noticesDialect', 'chatDialect', 'adminDashboardDialect',
      'timingStatuses', 'parseTimingOrder', 'parseTimingOrderList', 'parseTyped', 'FieldReader', 'normalizeTimestamp', 'sanitizeUrl']) {
      expect(barrel, name).toHaveProperty(name);
    }
    const dialects = [barrel.orderStreamDialect, barrel.timingDialect, barrel.notificationsDialect, barrel.chatDialect, barrel.adminDashboardDialect];
    expect(dialects.map((d) => d.name)).toEqual(['orderStream', 'timing', 'notifications', 'chat', 'adminDashboard']);
  });
});

describe('redact leaves ordinary prose alone', () => {
  it.each([
    'Token expired',
    'Basic users cannot send files',
    'Key: order not found',
    'Refresh: try again',
    'the token function failed',
    'Tokens: 5',
    'Bearer of bad news',
  ])('%s', (text) => {
    expect(redact(text)).toBe(text);
  });

  it.each([
    ['Authorization: Token 9944b09199c62bcf9418ad846dd0e4bbdfc6ee4b', 'Authorization: Token [redacted]'],
    ['Bearer abc123def456', 'Bearer [redacted]'],
    ['api_key=sk_live_51Hx', 'api_key=[redacted]'],
    ['refresh: 0123456789abcdef0123', 'refresh: [redacted]'],
    ['?token=short', '?token=[redacted]'],
  ])('still hides %s', (text, expected) => {
    expect(redact(text)).toBe(expected);
  });
});
