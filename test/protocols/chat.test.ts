import { type ChatMessage, type RealtimeEvent, chatDialect, type ChatCommand } from 'react-realtime-kit';
import { oddFrames } from './oddFrames';

const NOW = '2030-05-06T07:08:09.000Z';
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(NOW));
});
afterEach(() => vi.useRealTimers());

const j = (value: Record<string, unknown>): string => JSON.stringify(value);
const documented = {
  type: 'chat_message', id: 456, sender_id: 789, sender_name: 'John Doe', message: 'Hello!',
  attachment: 'https://example.com/file.pdf', timestamp: '2026-01-06T10:30:00Z',
};
const msg: ChatMessage = {
  id: '456', clientId: 'srv:456', peerId: '789', own: false, senderName: 'John Doe', text: 'Hello!',
  attachment: 'https://example.com/file.pdf', timestamp: '2026-01-06T10:30:00.000Z', state: 'received',
};
const received = (patch: Partial<ChatMessage>): RealtimeEvent[] => [{ kind: 'chat/received', message: { ...msg, ...patch } }];

describe('chatDialect.parse: an ack with an unusable client_id', () => {
  it('still acks (matching the oldest waiting send) and reports the key once', () => {
    const result = chatDialect.parse(j({ type: 'message_sent', id: 456, client_id: 5 }));
    expect(result).toMatchObject({ ok: true, events: [{ kind: 'chat/ack', serverId: '456' }] });
    expect(result.ok && result.events[0]).not.toHaveProperty('clientId');
    expect(result.ok && result.error).toMatch(/client_id/);
  });
});

describe('chatDialect.parse: valid frames', () => {
  it.each<[string, unknown, RealtimeEvent[]]>([
    ['the ack', j({ type: 'message_sent', id: 456 }), [{ kind: 'chat/ack', serverId: '456' }]],
    ['the ack with a string id', j({ type: 'message_sent', id: 'm-1' }), [{ kind: 'chat/ack', serverId: 'm-1' }]],
    ['the ack naming its send (a server honouring client_id)', j({ type: 'message_sent', id: 456, client_id: 'c1-x-3' }), [{ kind: 'chat/ack', serverId: '456', clientId: 'c1-x-3' }]],
    ['the ack with a null client_id', j({ type: 'message_sent', id: 456, client_id: null }), [{ kind: 'chat/ack', serverId: '456' }]],
    ['a refusal', j({ type: 'error', error: 'receiver_id is required' }), [{ kind: 'chat/rejected', error: 'receiver_id is required' }]],
    ['a refusal naming its send (a server echoing client_id)', j({ type: 'error', error: 'receiver_id is required', client_id: 'c1-x-3' }), [{ kind: 'chat/rejected', error: 'receiver_id is required', clientId: 'c1-x-3' }]],
    ['a refusal (receiver not found)', j({ type: 'error', error: 'Failed to send message. Receiver not found.' }), [{ kind: 'chat/rejected', error: 'Failed to send message. Receiver not found.' }]],
    ['a refusal carried in `message`', j({ type: 'error', message: 'Invalid JSON' }), [{ kind: 'chat/rejected', error: 'Invalid JSON' }]],
    ['the documented message', j(documented), received({})],
    ['a decoded object', documented, received({})],
    ['a null attachment', j({ ...documented, attachment: null }), received({ attachment: null })],
    ['no attachment field', j({ ...documented, attachment: undefined }), received({ attachment: null })],
    ['a relative attachment', j({ ...documented, attachment: '/media/chat/a.png' }), received({ attachment: '/media/chat/a.png' })],
    ['an attachment-only message', j({ ...documented, message: '', attachment: 'media/a.png' }), received({ text: '', attachment: 'media/a.png' })],
    ['a null message', j({ ...documented, message: null }), received({ text: '' })],
    ['a javascript: attachment, dropped but the message kept', j({ ...documented, attachment: 'javascript:alert(document.cookie)' }), received({ attachment: null })],
    ['a data: attachment, dropped', j({ ...documented, attachment: 'data:text/html;base64,PHNjcmlwdD4=' }), received({ attachment: null })],
    ['a tab-split javascript: attachment, dropped', j({ ...documented, attachment: 'java\tscript:alert(1)' }), received({ attachment: null })],
    ['a space-led javascript: attachment, dropped', j({ ...documented, attachment: ' javascript:alert(1)' }), received({ attachment: null })],
    ['a vbscript: attachment, dropped', j({ ...documented, attachment: 'VBScript:msgbox(1)' }), received({ attachment: null })],
    ['a null sender name', j({ ...documented, sender_name: null }), received({ senderName: null })],
    ['a string sender id', j({ ...documented, sender_id: 'u-789' }), received({ peerId: 'u-789' })],
    ['a Python-style timestamp', j({ ...documented, timestamp: '2026-01-06 10:30:00.654321' }), received({ timestamp: '2026-01-06T10:30:00.654Z' })],
    ['the quoted timestamp quirk', j({ ...documented, timestamp: '"2026-01-06 10:30:00"' }), received({ timestamp: '2026-01-06T10:30:00.000Z' })],
    ['no timestamp', j({ ...documented, timestamp: undefined }), received({ timestamp: NOW })],
  ])('%s', (_name, input, events) => {
    expect(chatDialect.parse(input)).toStrictEqual({ ok: true, events });
  });
});

describe('chatDialect.parse: invalid frames', () => {
  it.each<[string, unknown, string]>([
    ['not JSON', '<html>', 'chat: frame is not valid JSON: "<html>"'],
    ['an array', '[]', 'chat: frame must be a JSON object'],
    ['null', 'null', 'chat: frame must be a JSON object'],
    ['a frame without type (our own send shape)', j({ receiver_id: 1, message: 'x' }), 'chat: "type" is required'],
    ['an unknown type', j({ type: 'typing' }), 'chat: unknown message type "typing"'],
    ['an ack without id', j({ type: 'message_sent' }), 'chat message_sent: "id" is required'],
    ['an ack with a null id', j({ type: 'message_sent', id: null }), 'chat message_sent: "id" must be a string or an integer (got null)'],
    ['an error without text', j({ type: 'error' }), 'chat error: "error" is required'],
    ['an error with an object', j({ type: 'error', error: { detail: 'x' } }), 'chat error: "error" must be a string (got object)'],
    ['a message without id', j({ ...documented, id: undefined }), 'chat chat_message: "id" is required'],
    ['a message without sender', j({ ...documented, sender_id: undefined }), 'chat chat_message: "sender_id" is required'],
    ['a boolean sender', j({ ...documented, sender_id: false }), 'chat chat_message: "sender_id" must be a string or an integer (got boolean)'],
    ['a numeric message', j({ ...documented, message: 42 }), 'chat chat_message: "message" must be a string or null (got number)'],
    ['an attachment object', j({ ...documented, attachment: { url: 'https://x' } }), 'chat chat_message: "attachment" must be a string or null (got object)'],
    ['a 100 000-character message (under the frame cap)', j({ ...documented, message: 'x'.repeat(100_000) }), 'chat chat_message: "message" is longer than 65536 characters'],
    ['a 1 MB message (over the frame cap)', j({ ...documented, message: 'x'.repeat(1_000_000) }), 'chat: frame is larger than 262144 characters'],
    ['a __proto__ key', '{"type":"chat_message","id":1,"sender_id":2,"message":"x","__proto__":{"own":true}}', 'chat: frame contains the forbidden key "__proto__"'],
    ['a prototype key', '{"type":"message_sent","id":1,"meta":{"prototype":{}}}', 'chat: frame contains the forbidden key "prototype"'],
  ])('%s', (_name, input, error) => {
    expect(chatDialect.parse(input)).toStrictEqual({ ok: false, error });
  });
});

describe('chatDialect.encode', () => {
  it.each<[ChatCommand, string]>([
    [{ receiverId: 123, message: 'Hello!', attachment: 'https://example.com/file.pdf' }, '{"receiver_id":123,"message":"Hello!","attachment":"https://example.com/file.pdf"}'],
    [{ receiverId: 123, message: 'Hello!' }, '{"receiver_id":123,"message":"Hello!"}'],
    [{ receiverId: '123', message: 'Hi', attachment: null }, '{"receiver_id":123,"message":"Hi"}'],
    [{ receiverId: 'u-5', message: '' , attachment: '/media/a.png' }, '{"receiver_id":"u-5","message":"","attachment":"/media/a.png"}'],
    [{ receiverId: 123, message: 'Hello!', clientId: 'c1-x-3' }, '{"receiver_id":123,"message":"Hello!","client_id":"c1-x-3"}'],
  ])('%j', (command, wire) => {
    expect(chatDialect.encode(command)).toBe(wire);
    expect(JSON.parse(wire as string)).not.toHaveProperty('type');
  });

  it('does not throw for a bogus command from untyped code', () => {
    expect(chatDialect.encode(null as never)).toBe('');
  });
});

describe('chatDialect', () => {
  it('carries the token in the query and has no heartbeat', () => {
    expect(chatDialect.name).toBe('chat');
    expect(chatDialect.token).toBe('query');
    expect(chatDialect.heartbeat).toBeUndefined();
  });

  it('never throws, whatever it is given', () => {
    for (const input of oddFrames(['message_sent', 'error', 'chat_message'])) {
      const result = chatDialect.parse(input);
      expect(typeof result.ok).toBe('boolean');
      if (!result.ok) expect(result.error).toMatch(/^chat/);
    }
  });
});
