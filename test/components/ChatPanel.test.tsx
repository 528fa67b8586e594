// @vitest-environment jsdom
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ComponentProps } from 'react';
import { ChatPanel, ChatPanelView, chatSseDialect, createRealtimeClient, RealtimeProvider, type ChatEvent, type RealtimeClient, type TransportContext, type TransportFactory } from 'react-realtime-kit';
import { attachmentConversation, chatPeer, conversation, hugeConversation, longNameConversation, longPeerName, messagesByState, ownMessage, receivedMessage, safeAttachments, unsafeAttachments } from '../fixtures/chat';
import { expectNoAxeViolations } from '../helpers/expectNoAxeViolations';

type ViewProps = ComponentProps<typeof ChatPanelView>;

function renderView(props: Partial<ViewProps> = {}) {
  const handlers = { onSend: vi.fn(), onRetry: vi.fn(), onReconnect: vi.fn() };
  const result = render(<ChatPanelView messages={conversation} status="open" peerName={chatPeer.name} {...handlers} {...props} />);
  return { ...result, ...handlers, rerenderView: (next: Partial<ViewProps>) => result.rerender(<ChatPanelView messages={conversation} status="open" peerName={chatPeer.name} {...handlers} {...props} {...next} />) };
}

const messageItem = (text: string) => screen.getByText(text).closest('li')!;
const input = () => screen.getByRole('textbox', { name: `Message to ${chatPeer.name}` });

describe('ChatPanelView', () => {
  it('is a labelled log of messages, own and received told apart by text, side and data-own', () => {
    renderView();
    const log = screen.getByRole('log', { name: 'Messages with Sam' });
    // New messages are announced by their own status line, not by the log (see below).
    expect(log).toHaveAttribute('aria-live', 'off');
    expect(within(log).getAllByRole('listitem')).toHaveLength(conversation.length);
    const own = messageItem(messagesByState.sent.text);
    const received = messageItem(messagesByState.received.text);
    expect(own).toHaveAttribute('data-own', 'true');
    expect(own).toHaveTextContent('You');
    expect(received).toHaveAttribute('data-own', 'false');
    expect(received).toHaveTextContent('Sam');
    expect(received).not.toHaveTextContent('You');
    expect(screen.getByRole('region', { name: 'Chat with Sam' })).toHaveAttribute('data-state', 'ready');
  });

  it.each([
    ['queued', 'Waiting for connection', 'clock'],
    ['sending', 'Sending…', 'spinner'],
    ['sent', 'Sent', 'check'],
    ['failed', 'Not sent', 'cross'],
  ] as const)('shows an own %s message as text plus an icon', (state, text, icon) => {
    renderView();
    const item = messageItem(messagesByState[state].text);
    expect(item).toHaveAttribute('data-state', state);
    expect(item).toHaveTextContent(text);
    expect(item.querySelector(`svg[data-icon="${icon}"]`)).toHaveAttribute('aria-hidden', 'true');
  });

  it('gives received messages no delivery state', () => {
    renderView();
    expect(messageItem(messagesByState.received.text).querySelector('svg')).toBeNull();
  });

  it('shows the failure and retries it under its client id', async () => {
    const { onRetry } = renderView();
    const failed = messageItem(messagesByState.failed.text);
    expect(failed).toHaveTextContent('Failed to send message. Receiver not found.');
    await userEvent.click(within(failed).getByRole('button', { name: /^Retry/ }));
    expect(onRetry).toHaveBeenCalledWith(messagesByState.failed.clientId);
  });

  it('puts each time in <time dateTime> formatted for the locale', () => {
    renderView({ locale: 'en-GB' });
    const time = messageItem(messagesByState.sent.text).querySelector('time')!;
    expect(time).toHaveAttribute('dateTime', messagesByState.sent.timestamp);
    expect(time.textContent).toMatch(/\d{1,2}:\d{2}/);
  });

  it('shows an unreadable timestamp as text, without a dateTime', () => {
    renderView({ messages: [receivedMessage(1, 'odd time', { timestamp: '"2025-01-01 10:00"x' })] });
    expect(messageItem('odd time').querySelector('time')).toBeNull();
    expect(messageItem('odd time')).toHaveTextContent('"2025-01-01 10:00"x');
  });

  it('sends on Enter, trims, clears the input and keeps focus', async () => {
    const { onSend } = renderView();
    await userEvent.type(input(), '  Hello there  {Enter}');
    expect(onSend).toHaveBeenCalledExactlyOnceWith('Hello there', {});
    expect(input()).toHaveValue('');
    expect(input()).toHaveFocus();
  });

  it('adds a newline on Shift+Enter instead of sending', async () => {
    const { onSend } = renderView();
    await userEvent.type(input(), 'line one{Shift>}{Enter}{/Shift}line two');
    expect(onSend).not.toHaveBeenCalled();
    expect(input()).toHaveValue('line one\nline two');
    await userEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(onSend).toHaveBeenCalledWith('line one\nline two', {});
  });

  it('does not send blank text', async () => {
    const { onSend } = renderView();
    expect(screen.getByRole('button', { name: 'Send' })).toBeDisabled();
    await userEvent.type(input(), '   {Enter}');
    expect(onSend).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Send' })).toBeDisabled();
  });

  it('does not send on the Enter that confirms an IME composition', () => {
    const { onSend } = renderView();
    fireEvent.change(input(), { target: { value: 'こんにちは' } });
    fireEvent.keyDown(input(), { key: 'Enter', isComposing: true });
    expect(onSend).not.toHaveBeenCalled();
  });

  it.each([
    ['reconnecting', 'Offline — messages will be sent when the connection is back'],
    ['closed', 'Offline — messages will be sent when the connection is back'],
    ['connecting', 'Offline — messages will be sent when the connection is back'],
    ['failed', 'Could not connect to the chat — messages will be sent once it connects'],
  ] as const)('keeps the input working while %s, with the offline hint', async (status, text) => {
    const { onSend } = renderView({ status });
    const hint = screen.getByText(text).closest('p')!;
    expect(input()).toBeEnabled();
    expect(input()).toHaveAttribute('aria-describedby', hint.id);
    await userEvent.type(input(), 'queued while offline{Enter}');
    expect(onSend).toHaveBeenCalledWith('queued while offline', {});
  });

  it('has no offline hint while open', () => {
    renderView();
    expect(screen.queryByText(/Offline/)).toBeNull();
  });

  it('shows the empty, loading and failed states', async () => {
    const { rerenderView, onReconnect } = renderView({ messages: [] });
    expect(screen.getByRole('log')).toHaveTextContent('No messages yet — say hello');
    expect(screen.getByRole('region')).toHaveAttribute('data-state', 'empty');

    rerenderView({ status: 'connecting' });
    expect(screen.getByRole('log')).toHaveTextContent('Loading conversation…');
    expect(screen.getByRole('log')).toHaveAttribute('aria-busy', 'true');
    expect(screen.getByRole('region')).toHaveAttribute('data-state', 'loading');

    rerenderView({ status: 'failed' });
    expect(screen.getByRole('log')).toHaveTextContent('Could not connect to the chat.');
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(onReconnect).toHaveBeenCalledOnce();
  });

  it('shows an error (a bad peer) and disables the input', () => {
    renderView({ messages: [], error: 'useChat needs a peer id: the id of the user to talk to.' });
    expect(screen.getByRole('alert')).toHaveTextContent('useChat needs a peer id');
    expect(screen.getByRole('textbox')).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Send' })).toBeDisabled();
    expect(screen.getByRole('region')).toHaveAttribute('data-state', 'error');
  });

  it('keeps long names whole in the DOM (CSS truncates) with the full text in title', () => {
    renderView({ messages: longNameConversation, peerName: longPeerName });
    expect(screen.getByText(`Chat with ${longPeerName}`)).toHaveAttribute('title', longPeerName);
    expect(screen.getAllByText(longPeerName)[0]).toHaveAttribute('title', longPeerName);
  });

  it('renders safe attachments: images as <img alt>, other files as new-tab links', () => {
    const { container } = renderView({ messages: attachmentConversation });
    // Files from another site name that site, by its real host (the page here is localhost).
    const plan = screen.getByRole('img', { name: 'Attachment: floor-plan.png from cdn.example.com' });
    expect(plan).toHaveAttribute('src', safeAttachments.image);
    expect(plan.closest('p')).toHaveTextContent('— cdn.example.com');
    const kitchen = screen.getByRole('img', { name: 'Attachment: kitchen view.jpg' });
    expect(kitchen).toHaveAttribute('src', safeAttachments.relativeImage);
    expect(kitchen.closest('p')).not.toHaveTextContent('—');
    const lease = screen.getByRole('link', { name: /lease-agreement\.pdf — files\.example\.com/ });
    expect(lease).toHaveAttribute('href', safeAttachments.document);
    expect(lease).toHaveAttribute('target', '_blank');
    expect(lease).toHaveAttribute('rel', 'noopener noreferrer');
    expect(container.querySelectorAll('[data-attachment="blocked"]')).toHaveLength(2);
  });

  it.each(unsafeAttachments.map((url) => [url]))('never turns the attachment %j into an href or src', (url) => {
    const { container } = renderView({ messages: [receivedMessage(1, 'look', { attachment: url })] });
    expect(container.querySelector('a, img, [href], [src]')).toBeNull();
    expect(container.innerHTML).not.toMatch(/(href|src)=/);
    expect(messageItem('look')).toHaveTextContent('Attachment blocked');
  });
});

describe('ChatPanelView announcing new messages', () => {
  const announced = () => document.querySelector('[data-announce]')!.textContent;
  const older = (n: number) => receivedMessage(900 + n, `older ${n}`, { timestamp: '2020-01-01T00:00:00.000Z' });

  it('reads out a new message from the peer once, and nothing for what was there, earlier pages or own messages', () => {
    const { rerenderView } = renderView();
    expect(document.querySelector('[data-announce]')).toHaveAttribute('aria-live', 'polite');
    expect(announced()).toBe('');
    rerenderView({ messages: [older(1), older(2), ...conversation] });
    expect(announced()).toBe('');
    rerenderView({ messages: [older(1), older(2), ...conversation, ownMessage(950, 'sent', 'my news')] });
    expect(announced()).toBe('');
    const fresh = receivedMessage(951, 'see you at 3', { senderName: 'Sam' });
    rerenderView({ messages: [older(1), older(2), ...conversation, ownMessage(950, 'sent', 'my news'), fresh] });
    expect(announced()).toBe('Sam: see you at 3');
    const again = receivedMessage(952, 'see you at 3', { senderName: 'Sam' });
    rerenderView({ messages: [older(1), older(2), ...conversation, ownMessage(950, 'sent', 'my news'), fresh, again] });
    expect(announced()).toBe('Sam: see you at 3\u00a0');
  });

  it('announces the first message of a conversation that was empty, but not a page of history arriving at once', () => {
    const { rerenderView } = renderView({ messages: [] });
    rerenderView({ messages: [receivedMessage(960, 'first ever', { senderName: 'Sam' })] });
    expect(announced()).toBe('Sam: first ever');
    const other = renderView({ messages: [] });
    other.rerenderView({ messages: [receivedMessage(961, 'old a'), receivedMessage(962, 'old b')] });
    expect(document.querySelectorAll('[data-announce]')[1]!.textContent).toBe('');
  });
});

describe('ChatPanelView with a long conversation', () => {
  // Windowing needs layout, so the 10,000-message case is tested in Chromium (test/browser).
  it('renders every message of a conversation at or below virtualizeAfter', () => {
    renderView({ messages: hugeConversation.slice(0, 120), virtualizeAfter: 200 });
    const items = within(screen.getByRole('log')).getAllByRole('listitem');
    expect(items).toHaveLength(120);
    expect(items[0]).not.toHaveAttribute('data-index');
  });
});

describe('ChatPanelView accessibility', () => {
  it.each([
    ['a conversation in every state', { messages: conversation }],
    ['attachments, safe and blocked', { messages: attachmentConversation }],
    ['the empty state', { messages: [] }],
    ['offline', { status: 'reconnecting' as const }],
    ['an error', { messages: [], error: 'useChat needs a peer id.' }],
  ])('%s has no axe violations', async (_, props) => {
    const { container } = renderView(props);
    await expectNoAxeViolations(container);
  });
});

describe('ChatPanelView on a server with receipts, typing, presence and history', () => {
  const receipts = [receivedMessage(1, 'Did you get the plans?'), ownMessage(2, 'sent', 'Just sent them'), ownMessage(3, 'delivered', 'Sent the lease too', { id: 's3' }), ownMessage(4, 'read', 'And the keys photo', { id: 's4', readAt: '2025-03-14T09:05:00Z' })];

  it('shows one tick with "Sent" or "Delivered" and two with "Read", on data-state', () => {
    renderView({ messages: receipts });
    const sent = messageItem('Just sent them');
    const delivered = messageItem('Sent the lease too');
    const read = messageItem('And the keys photo');
    expect(sent).toHaveAttribute('data-state', 'sent');
    expect(within(sent).getByText('Sent')).toBeVisible();
    expect(sent.querySelectorAll('[data-ticks="1"] svg')).toHaveLength(1);
    expect(delivered).toHaveAttribute('data-state', 'delivered');
    expect(within(delivered).getByText('Delivered')).toBeVisible();
    expect(delivered.querySelectorAll('[data-ticks="1"] svg')).toHaveLength(1);
    expect(read).toHaveAttribute('data-state', 'read');
    expect(within(read).getByText('Read')).toBeVisible();
    expect(read.querySelectorAll('[data-ticks="2"] svg')).toHaveLength(2);
    // The ticks are decoration: the words carry the meaning.
    expect(read.querySelector('[data-ticks]')).toHaveAttribute('aria-hidden', 'true');
  });

  it('says who is typing in a polite status line, empty when nobody is', () => {
    const { rerenderView } = renderView({ typing: null });
    const line = screen.getByRole('status');
    expect(line).toBeEmptyDOMElement();
    rerenderView({ typing: { name: 'Jane', at: Date.now() } });
    expect(line).toHaveTextContent('Jane is typing…');
    rerenderView({ typing: { name: null, at: Date.now() } });
    expect(line).toHaveTextContent('Sam is typing…');
    rerenderView({ typing: null });
    expect(line).toBeEmptyDOMElement();
  });

  it('keeps no typing line where the server has no typing indicator', () => {
    renderView();
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('reports typing on input, when emptied and on blur', async () => {
    const onTyping = vi.fn();
    renderView({ onTyping });
    await userEvent.type(input(), 'Hi');
    expect(onTyping).toHaveBeenLastCalledWith(true);
    await userEvent.clear(input());
    expect(onTyping).toHaveBeenLastCalledWith(false);
    await userEvent.type(input(), 'x');
    expect(onTyping).toHaveBeenLastCalledWith(true);
    await userEvent.tab();
    expect(onTyping).toHaveBeenLastCalledWith(false);
  });

  it('shows the peer online or offline next to the name, and nothing when unknown', () => {
    const { rerenderView } = renderView({ online: true });
    const header = screen.getByText('Chat with Sam').closest('header')!;
    expect(header).toHaveTextContent('online');
    rerenderView({ online: false });
    expect(header).toHaveTextContent('offline');
    rerenderView({ online: null });
    expect(header).not.toHaveTextContent(/online|offline/);
    // The region keeps its name: presence is not part of it.
    expect(screen.getByRole('region', { name: 'Chat with Sam' })).toBeInTheDocument();
  });

  it('shows a loading row while earlier messages load, and an error row whose Retry loads again', async () => {
    const onLoadOlder = vi.fn();
    const { rerenderView } = renderView({ history: { status: 'loading', hasMore: true, error: null }, onLoadOlder });
    const log = screen.getByRole('log');
    expect(log).toHaveTextContent('Loading earlier messages…');
    rerenderView({ history: { status: 'error', hasMore: true, error: 'GET … answered 503: Service unavailable' } });
    expect(log).not.toHaveTextContent('Loading earlier messages…');
    expect(log).toHaveTextContent('Could not load earlier messages: GET … answered 503: Service unavailable');
    await userEvent.click(within(log).getByRole('button', { name: 'Retry loading earlier messages' }));
    expect(onLoadOlder).toHaveBeenCalledOnce();
    rerenderView({ history: { status: 'loaded', hasMore: true, error: null } });
    expect(log).not.toHaveTextContent(/earlier messages/);
  });

  it('says the conversation is loading while its first page loads, even when connected', () => {
    renderView({ messages: [], history: { status: 'loading', hasMore: false, error: null } });
    expect(screen.getByRole('log')).toHaveTextContent('Loading conversation…');
    expect(screen.getByRole('region')).toHaveAttribute('data-state', 'loading');
  });

  it('loads earlier messages when the reader scrolls to the top, once per arrival', () => {
    const onLoadOlder = vi.fn();
    renderView({ history: { status: 'loaded', hasMore: true, error: null }, onLoadOlder });
    const log = screen.getByRole('log');
    let top = 400;
    Object.defineProperty(log, 'clientHeight', { configurable: true, value: 200 });
    Object.defineProperty(log, 'scrollHeight', { configurable: true, value: 1000 });
    Object.defineProperty(log, 'scrollTop', { configurable: true, get: () => top, set: (v: number) => (top = v) });
    fireEvent.scroll(log);
    expect(onLoadOlder).not.toHaveBeenCalled();
    top = 0;
    fireEvent.scroll(log);
    fireEvent.scroll(log);
    expect(onLoadOlder).toHaveBeenCalledOnce();
  });

  it('does not load earlier messages when the server has no more', () => {
    const onLoadOlder = vi.fn();
    renderView({ history: { status: 'loaded', hasMore: false, error: null }, onLoadOlder });
    const log = screen.getByRole('log');
    Object.defineProperty(log, 'clientHeight', { configurable: true, value: 200 });
    Object.defineProperty(log, 'scrollTop', { configurable: true, value: 0 });
    fireEvent.scroll(log);
    expect(onLoadOlder).not.toHaveBeenCalled();
  });

  it('gives the reason the connection is down, and a clear message with Try again once it failed', async () => {
    const { rerenderView, onReconnect } = renderView({ status: 'reconnecting', connectionError: 'Redis not available' });
    expect(screen.getByText('Offline — messages will be sent when the connection is back').closest('p')).toHaveTextContent('Reason: Redis not available');
    rerenderView({ status: 'failed', connectionError: 'chat: the server refused the credentials 3 times in a row (Invalid token).' });
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Could not connect to the chat — messages will be sent once it connects');
    expect(alert).toHaveTextContent('Reason: chat: the server refused the credentials 3 times in a row (Invalid token).');
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(onReconnect).toHaveBeenCalledOnce();
  });

  it('marks nothing read, and does not crash, where IntersectionObserver does not exist (jsdom)', () => {
    expect(typeof IntersectionObserver).toBe('undefined');
    const onMarkRead = vi.fn();
    renderView({ onMarkRead });
    expect(onMarkRead).not.toHaveBeenCalled();
  });
});

describe('ChatPanelView marking messages read (IntersectionObserver stubbed)', () => {
  class FakeObserver {
    static last: FakeObserver | null = null;
    readonly targets = new Set<Element>();
    constructor(
      readonly callback: IntersectionObserverCallback,
      readonly options: IntersectionObserverInit,
    ) {
      FakeObserver.last = this;
    }
    observe(el: Element) {
      this.targets.add(el);
    }
    unobserve(el: Element) {
      this.targets.delete(el);
    }
    disconnect() {
      this.targets.clear();
    }
    /** Report these elements as fully visible (`true`) or gone (`false`). */
    show(els: Element[], visible = true) {
      const entries = els.map((target) => ({ target, isIntersecting: visible, intersectionRatio: visible ? 1 : 0, rootBounds: null, intersectionRect: { height: 0 } }) as unknown as IntersectionObserverEntry);
      act(() => this.callback(entries, this as unknown as IntersectionObserver));
    }
  }
  let hidden = false;

  beforeEach(() => {
    vi.useFakeTimers();
    vi.stubGlobal('IntersectionObserver', FakeObserver);
    hidden = false;
    vi.spyOn(document, 'visibilityState', 'get').mockImplementation(() => (hidden ? 'hidden' : 'visible'));
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  const unread = [receivedMessage(1, 'first unread'), receivedMessage(2, 'second unread'), receivedMessage(3, 'already read', { seen: true }), ownMessage(4, 'sent', 'mine')];

  it('watches only received, unread messages, and marks those seen together in one call', () => {
    const onMarkRead = vi.fn();
    renderView({ messages: unread, onMarkRead });
    const io = FakeObserver.last!;
    expect([...io.targets]).toEqual([messageItem('first unread'), messageItem('second unread')]);
    expect(io.options.root).toBe(screen.getByRole('log'));

    io.show([messageItem('first unread')]);
    io.show([messageItem('second unread')]);
    expect(onMarkRead).not.toHaveBeenCalled();
    act(() => vi.advanceTimersByTime(300));
    expect(onMarkRead).toHaveBeenCalledExactlyOnceWith(['r1', 'r2']);
  });

  it('does not mark a message that scrolled away before the batch went out', () => {
    const onMarkRead = vi.fn();
    renderView({ messages: unread, onMarkRead });
    const io = FakeObserver.last!;
    io.show([messageItem('first unread'), messageItem('second unread')]);
    io.show([messageItem('first unread')], false);
    act(() => vi.advanceTimersByTime(300));
    expect(onMarkRead).toHaveBeenCalledExactlyOnceWith(['r2']);
  });

  it('marks nothing while the tab is hidden, and what is on screen once it shows again', () => {
    const onMarkRead = vi.fn();
    renderView({ messages: unread, onMarkRead });
    hidden = true;
    FakeObserver.last!.show([messageItem('first unread')]);
    act(() => vi.advanceTimersByTime(1000));
    expect(onMarkRead).not.toHaveBeenCalled();
    hidden = false;
    act(() => {
      document.dispatchEvent(new Event('visibilitychange'));
      vi.advanceTimersByTime(300);
    });
    expect(onMarkRead).toHaveBeenCalledExactlyOnceWith(['r1']);
  });

  it('stops watching a message once it is read, and watches new arrivals', () => {
    const { rerenderView } = renderView({ messages: unread, onMarkRead: vi.fn() });
    const io = FakeObserver.last!;
    rerenderView({ messages: [...unread.map((m) => (m.id === 'r1' ? { ...m, seen: true } : m)), receivedMessage(5, 'new one')] });
    expect([...io.targets]).toEqual([messageItem('second unread'), messageItem('new one')]);
  });
});

/**
 * A transport the test drives: `open()` the stream, push server-sent events, drop it. The client
 * uses the ERP chat's SSE dialect, so the chat goes over REST through `fetch`.
 */
function erpChatHarness() {
  let context: TransportContext | null = null;
  let attempt: Promise<unknown> = Promise.resolve();
  const transport: TransportFactory = (ctx) => {
    context = ctx;
    return { send: () => false, reconnect: () => ctx.onClose({ code: 1000, reason: '', wasOpen: true }), close: () => undefined };
  };
  const requests: { method: string; path: string; body: any }[] = [];
  const pages: Record<string, unknown> = {};
  const fetchStub = async (url: RequestInfo | URL, init?: RequestInit) => {
    const { pathname, search } = new URL(String(url));
    const request = { method: init?.method ?? 'GET', path: pathname + search, body: init?.body ? JSON.parse(String(init.body)) : undefined };
    requests.push(request);
    const page = request.method === 'GET' ? Object.entries(pages).find(([prefix]) => request.path.startsWith(prefix))?.[1] : {};
    if (page instanceof Error) return new Response(JSON.stringify({ detail: page.message }), { status: 503 });
    return new Response(JSON.stringify(page ?? {}), { status: 200, headers: { 'content-type': 'application/json' } });
  };
  const client: RealtimeClient = createRealtimeClient({
    url: 'http://erp.test/',
    apiUrl: 'http://erp.test',
    token: 'tok',
    authScheme: 'Token',
    fetch: fetchStub as typeof fetch,
    reconnect: { minDelay: 1, maxDelay: 1, maxRefusals: 1 },
    heartbeat: false,
    backends: { chat: { dialect: chatSseDialect, transport } },
  });
  return {
    client,
    requests,
    /** Answer GET requests whose path starts with `prefix` with `body` (an Error answers 503). */
    answer: (prefix: string, body: unknown) => void (pages[prefix] = body),
    open: async () => {
      await waitFor(() => expect(context).not.toBeNull());
      attempt = context!.nextAttempt();
      await act(async () => void (await attempt));
      act(() => context!.onOpen());
      // The chat loads its newest page on mount and again once the stream opens: let both land.
      await waitFor(() => expect(requests.filter((r) => r.method === 'GET').length).toBeGreaterThanOrEqual(2));
      await act(async () => {
        await new Promise((resolve) => setTimeout(resolve, 0));
        client.flush();
      });
    },
    // The store applies events once per animation frame: each of these applies them at once.
    event: (event: string, data: unknown) => act(async () => {
      context!.onFrame({ event, data: JSON.stringify(data) });
      client.flush();
    }),
    drop: () => act(async () => {
      context!.onClose({ code: 1006, reason: '', wasOpen: true });
      client.flush();
    }),
    dispatch: (event: ChatEvent) => act(async () => {
      client.dispatch({ endpoint: 'chat', event });
      client.flush();
    }),
  };
}

const historyPath = '/api/v1/communication/chats/conversation/2/';
const restMessage = (id: number, sender: string, message: string, extra: Record<string, unknown> = {}) => ({ id, sender, message, timestamp: `2025-03-14T09:0${id}:00Z`, is_read: false, ...extra });

describe('ChatPanel on the ERP chat as it runs today (SSE + REST)', () => {
  let harness: ReturnType<typeof erpChatHarness>;
  beforeEach(() => {
    harness = erpChatHarness();
    harness.answer(historyPath, {
      conversation_id: 7,
      has_more: false,
      other_user: { id: 2, full_name: 'Jane Doe', is_online: true },
      messages: [restMessage(3, '1', 'Read it already', { is_read: true }), restMessage(2, '1', 'On its way'), restMessage(1, '2', 'Hello from Jane')],
    });
  });
  afterEach(() => act(() => harness.client.dispose()));

  function renderPanel() {
    return render(
      <RealtimeProvider client={harness.client}>
        <ChatPanel peerId={2} />
      </RealtimeProvider>,
    );
  }

  it('loads the conversation, names the peer as the server does and shows presence and receipts', async () => {
    renderPanel();
    await harness.open();
    expect(await screen.findByText('Hello from Jane')).toBeVisible();
    expect(screen.getByRole('region', { name: 'Chat with Jane Doe' })).toHaveTextContent('online');
    expect(within(messageItem('On its way')).getByText('Sent')).toBeVisible();
    expect(within(messageItem('Read it already')).getByText('Read')).toBeVisible();
    await harness.dispatch({ kind: 'chat/read', serverIds: ['2'], readAt: '2025-03-14T09:09:00Z' });
    expect(messageItem('On its way')).toHaveAttribute('data-state', 'read');
    expect(within(messageItem('On its way')).getByText('Read')).toBeVisible();
    await harness.dispatch({ kind: 'chat/presence', online: { '2': false } });
    expect(screen.getByRole('region', { name: 'Chat with Jane Doe' })).toHaveTextContent('offline');
  });

  it('announces typing when it starts, not on every further signal, and clears it when it stops', async () => {
    renderPanel();
    await harness.open();
    const line = await screen.findByRole('status');
    expect(line).toBeEmptyDOMElement();
    await harness.event('typing', { sender_id: 2, sender_name: 'Jane', is_typing: true });
    expect(line).toHaveTextContent('Jane is typing…');
    const changes: MutationRecord[] = [];
    const watch = new MutationObserver((records) => changes.push(...records));
    watch.observe(line, { childList: true, subtree: true, characterData: true });
    await harness.event('typing', { sender_id: 2, sender_name: 'Jane', is_typing: true });
    await harness.event('typing', { sender_id: 2, sender_name: 'Jane', is_typing: true });
    expect(changes).toEqual([]);
    await harness.event('typing', { sender_id: 2, sender_name: 'Jane', is_typing: false });
    expect(line).toBeEmptyDOMElement();
    watch.disconnect();
  });

  it('tells the server this user is typing, and that they stopped on blur', async () => {
    renderPanel();
    await harness.open();
    await userEvent.type(await screen.findByRole('textbox', { name: 'Message to Jane Doe' }), 'Hi');
    await userEvent.tab();
    const typing = harness.requests.filter((r) => r.path === '/api/v1/communication/chats/typing/').map((r) => r.body);
    expect(typing).toEqual([
      { receiver_id: 2, is_typing: true },
      { receiver_id: 2, is_typing: false },
    ]);
  });

  it('shows a failed page of earlier messages with Retry, which asks the server again', async () => {
    renderPanel();
    await harness.open();
    await screen.findByText('Hello from Jane');
    await harness.dispatch({ kind: 'chat/historyState', peerId: '2', status: 'error', error: 'GET answered 503' });
    const log = screen.getByRole('log');
    expect(log).toHaveTextContent('Could not load earlier messages: GET answered 503');
    const before = harness.requests.length;
    await userEvent.click(within(log).getByRole('button', { name: 'Retry loading earlier messages' }));
    await waitFor(() => expect(harness.requests.slice(before).map((r) => r.path)).toContain(`${historyPath}?limit=30&before_id=1`));
    await waitFor(() => expect(log).not.toHaveTextContent(/earlier messages/));
  });

  it('shows the stream error text ("Redis not available") while it reconnects', async () => {
    renderPanel();
    await harness.open();
    await harness.event('error', { error: 'Redis not available' });
    await harness.drop();
    expect(await screen.findByText(/Reason: Redis not available/)).toBeVisible();
    expect(screen.getByText('Offline — messages will be sent when the connection is back')).toBeVisible();
  });

  it('says clearly that a refused token stopped the chat, with Try again', async () => {
    renderPanel();
    await harness.open();
    await harness.event('error', { error: 'Invalid token' });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not connect to the chat');
    expect(alert).toHaveTextContent(/Reason: .*refused the credentials.*Invalid token/);
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeEnabled();
  });
});
