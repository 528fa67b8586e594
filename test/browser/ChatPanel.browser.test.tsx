// ChatPanel in real Chromium with the shipped CSS: axe can compute colour contrast here
// (jsdom cannot), and layout is real: sides, wrapping, scrolling and the "New messages" button.
import { fireEvent, render, screen, within } from '@testing-library/react';
import '../../src/styles.css';
import { ChatPanel, ChatPanelView, ConversationListView, chatSseDialect, createRealtimeClient, RealtimeProvider, type ChatMessage, type TransportFactory } from 'react-realtime-kit';
import { attachmentConversation, conversation, hugeConversation, longConversation, longNameConversation, longPeerName, ownMessage, receivedMessage } from '../fixtures/chat';
import { expectNoAxeViolations } from '../helpers/expectNoAxeViolations';

function renderPanel(theme: 'light' | 'dark', messages: ChatMessage[], extra: Partial<Parameters<typeof ChatPanelView>[0]> = {}) {
  return render(
    <div data-theme={theme} style={{ background: 'var(--rrk-color-surface)', padding: 16, width: 420 }}>
      <ChatPanelView messages={messages} status="open" peerName="Sam" onSend={() => {}} onRetry={() => {}} {...extra} />
    </div>,
  );
}

describe('ChatPanel in Chromium', () => {
  it.each(['light', 'dark'] as const)('every message state, attachments and the offline hint pass axe with colour contrast (%s theme)', async (theme) => {
    // The broken image URLs are fine: axe checks the alt text, not the pixels.
    const { container } = renderPanel(theme, [...conversation, ...attachmentConversation.map((m) => ({ ...m, clientId: `a-${m.clientId}` }))], { status: 'reconnecting', onReconnect: () => {} });
    await expectNoAxeViolations(container, { requireRules: ['color-contrast'] });
  });

  it.each(['light', 'dark'] as const)('the empty state and an error pass axe with colour contrast (%s theme)', async (theme) => {
    const { container } = renderPanel(theme, [], { error: 'useChat needs a peer id.' });
    await expectNoAxeViolations(container, { requireRules: ['color-contrast'] });
  });

  it.each(['light', 'dark'] as const)('receipts, typing, presence, the history error row and a failed connection pass axe with colour contrast (%s theme)', async (theme) => {
    const receipts = [receivedMessage(1, 'Did you get the plans?'), ownMessage(2, 'delivered', 'Sent the lease too', { id: 's2' }), ownMessage(3, 'read', 'And the keys photo', { id: 's3' })];
    const { container } = renderPanel(theme, receipts, {
      status: 'failed',
      connectionError: 'chat: the server refused the credentials 3 times in a row (Invalid token).',
      onReconnect: () => {},
      online: true,
      typing: { name: 'Sam', at: Date.now() },
      history: { status: 'error', hasMore: true, error: 'GET answered 503' },
      onLoadOlder: () => {},
    });
    // The log opens at the newest message; the history row is at the top.
    screen.getByRole('log').scrollTop = 0;
    await expectNoAxeViolations(container, { requireRules: ['color-contrast'] });
  });

  it('puts own messages on the right and received ones on the left', () => {
    const { container } = renderPanel('light', conversation);
    const log = screen.getByRole('log').getBoundingClientRect();
    const own = container.querySelector<HTMLElement>('[data-own="true"]')!.getBoundingClientRect();
    const received = container.querySelector<HTMLElement>('[data-own="false"]')!.getBoundingClientRect();
    expect(Math.abs(log.right - own.right)).toBeLessThan(Math.abs(log.right - received.right));
    expect(received.left - log.left).toBeLessThan(own.left - log.left);
  });

  it('wraps long texts and truncates long names instead of widening the panel', () => {
    const { container } = renderPanel('light', longNameConversation, { peerName: longPeerName });
    const panel = container.querySelector<HTMLElement>('.rrk-chat')!;
    expect(panel.scrollWidth).toBeLessThanOrEqual(panel.clientWidth + 1);
    const title = container.querySelector<HTMLElement>('.rrk-chat__title')!;
    expect(title.scrollWidth).toBeGreaterThan(title.clientWidth);
    expect(getComputedStyle(title).textOverflow).toBe('ellipsis');
  });

  it('scrolls a long conversation to the newest message, and holds still for a reader who scrolled up', async () => {
    const { rerender } = renderPanel('light', longConversation);
    const log = screen.getByRole('log');
    expect(log.scrollHeight).toBeGreaterThan(log.clientHeight);
    expect(log.scrollHeight - log.scrollTop - log.clientHeight).toBeLessThan(2);

    log.scrollTop = 0;
    fireEvent.scroll(log);
    const more = [...longConversation, receivedMessage(99, 'A new one arrives')];
    rerender(
      <div data-theme="light" style={{ width: 420 }}>
        <ChatPanelView messages={more} status="open" peerName="Sam" onSend={() => {}} onRetry={() => {}} />
      </div>,
    );
    expect(log.scrollTop).toBe(0);
    const jump = screen.getByRole('button', { name: /New messages/ });
    const box = jump.getBoundingClientRect();
    expect(box.width).toBeGreaterThan(0);
    fireEvent.click(jump);
    expect(log.scrollHeight - log.scrollTop - log.clientHeight).toBeLessThan(2);
  });
});

describe('ChatPanel in Chromium with 10,000 messages (virtualised)', () => {
  const settle = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  const atBottom = (log: HTMLElement) => log.scrollHeight - log.scrollTop - log.clientHeight < 2;
  const panel = (messages: ChatMessage[], extra: Partial<Parameters<typeof ChatPanelView>[0]> = {}) => (
    <div data-theme="light" style={{ width: 420 }}>
      <ChatPanelView messages={messages} status="open" peerName="Sam" onSend={() => {}} onRetry={() => {}} {...extra} />
    </div>
  );

  it('opens at the newest message with a few dozen rendered, follows and announces a new one', async () => {
    const { rerender } = render(panel(hugeConversation));
    const log = screen.getByRole('log');
    await settle();
    expect(within(log).getAllByRole('listitem').length).toBeLessThan(60);
    expect(within(log).getByText('Message 9999 from Sam')).toBeVisible();
    expect(atBottom(log)).toBe(true);
    // The whole conversation is scrollable: the content is as tall as 10,000 messages.
    expect(log.scrollHeight).toBeGreaterThan(100 * log.clientHeight);

    rerender(panel([...hugeConversation, receivedMessage(10_000, 'still there?')]));
    await settle();
    expect(within(log).getByText('still there?')).toBeVisible();
    expect(atBottom(log)).toBe(true);
    expect(document.querySelector('[data-announce]')).toHaveTextContent('Sam: still there?');
    expect(within(log).getAllByRole('listitem').length).toBeLessThan(60);
    await expectNoAxeViolations(screen.getByRole('region', { name: 'Chat with Sam' }));
  });

  it('shows older messages on scrolling up, by keyboard too, and the oldest at the top', async () => {
    render(panel(hugeConversation));
    const log = screen.getByRole('log');
    await settle();
    log.focus();
    log.scrollTop -= 3 * log.clientHeight; // as PageUp three times does
    await settle();
    const shown = within(log).getAllByRole('listitem');
    expect(shown.length).toBeLessThan(60);
    expect(Number(shown[0]!.dataset['index'])).toBeLessThan(9990);
    expect(within(log).queryByText('Message 9999 from Sam')).toBeNull();
    log.scrollTop = 0;
    await settle();
    await settle();
    expect(within(log).getByText('Message 0 from Sam')).toBeVisible();
  });

  it('keeps the reader in place when an earlier page is prepended, and Retry works on a failed message', async () => {
    const onRetry = vi.fn();
    const newer = hugeConversation.slice(5_000);
    const failed = ownMessage(20_000, 'failed', 'did not go', { error: 'Receiver not found.' });
    const { rerender } = render(panel([...newer, failed], { onRetry }));
    const log = screen.getByRole('log');
    await settle();
    fireEvent.click(within(log).getByRole('button', { name: /^Retry/ }));
    expect(onRetry).toHaveBeenCalledWith(failed.clientId);

    log.scrollTop = 200;
    await settle();
    await settle();
    const watched = within(log).getAllByRole('listitem')[3]!;
    const key = watched.dataset['key'];
    const before = watched.getBoundingClientRect().top;
    rerender(panel([...hugeConversation, failed], { onRetry }));
    await settle();
    await settle();
    const again = log.querySelector<HTMLElement>(`[data-key="${key}"]`)!;
    expect(again).not.toBeNull();
    expect(Math.abs(again.getBoundingClientRect().top - before)).toBeLessThan(2);
    expect(log.scrollTop).toBeGreaterThan(200_000);
    expect(screen.queryByRole('button', { name: /New messages/ })).toBeNull();
  });
  it('keeps a reader paging back in place when an earlier page takes the conversation past virtualizeAfter', async () => {
    const newer = hugeConversation.slice(9_920); // 80 messages: rendered in full
    const { rerender } = render(panel(newer));
    const log = screen.getByRole('log');
    await settle();
    log.scrollTop = 0;
    await settle();
    const watched = within(log).getByText(newer[2]!.text).closest('li')!;
    const before = watched.getBoundingClientRect().top;
    rerender(panel(hugeConversation.slice(9_880))); // 40 earlier: 120 in all
    await settle();
    await settle();
    expect(Math.abs(watched.getBoundingClientRect().top - before)).toBeLessThan(2);
    expect(within(log).getAllByRole('listitem')).toHaveLength(120);
    // Back at the newest message, the long conversation is windowed.
    log.scrollTop = log.scrollHeight;
    await settle();
    await settle();
    expect(within(log).getAllByRole('listitem').length).toBeLessThan(60);
    expect(within(log).getByText('Message 9999 from Sam')).toBeVisible();
  });
});

describe('ChatPanel in Chromium: marking read and earlier messages', () => {
  /** The unread received messages at least half inside the log, by their server ids. */
  function halfVisibleUnseen(log: HTMLElement): string[] {
    const box = log.getBoundingClientRect();
    return [...log.querySelectorAll<HTMLElement>('[data-unseen-id]')]
      .filter((el) => {
        const r = el.getBoundingClientRect();
        const overlap = Math.min(r.bottom, box.bottom) - Math.max(r.top, box.top);
        return overlap >= r.height / 2;
      })
      .map((el) => el.dataset['unseenId']!);
  }

  const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it('marks read only the received messages the reader can see, in one batch per look', async () => {
    const onMarkRead = vi.fn();
    renderPanel('light', longConversation, { onMarkRead });
    const log = screen.getByRole('log');
    // Scrolled to the newest on open: what is on screen is marked, in one call.
    await vi.waitFor(() => expect(onMarkRead).toHaveBeenCalled(), { timeout: 2000 });
    await settle(400);
    const visibleAtBottom = halfVisibleUnseen(log);
    expect(visibleAtBottom.length).toBeGreaterThan(0);
    expect(onMarkRead).toHaveBeenCalledOnce();
    expect(onMarkRead.mock.calls[0]![0]).toEqual(visibleAtBottom);
    expect(onMarkRead.mock.calls[0]![0]).not.toContain('r0');

    // Scrolling to the top marks what shows there, and nothing twice.
    log.scrollTop = 0;
    await vi.waitFor(() => expect(onMarkRead).toHaveBeenCalledTimes(2), { timeout: 2000 });
    await settle(400);
    expect(onMarkRead).toHaveBeenCalledTimes(2);
    const atTop = onMarkRead.mock.calls[1]![0] as string[];
    expect(atTop).toContain('r0');
    expect(atTop).toEqual(halfVisibleUnseen(log));
    expect(atTop.some((id) => visibleAtBottom.includes(id))).toBe(false);
  });

  it('loads earlier messages at the top and keeps the message the reader was looking at in place', async () => {
    const onLoadOlder = vi.fn();
    const newer = longConversation.slice(30);
    const props = { onLoadOlder, history: { status: 'loaded' as const, hasMore: true, error: null } };
    const { rerender } = renderPanel('light', newer, props);
    const log = screen.getByRole('log');
    const again = (messages: ChatMessage[], extra: Partial<Parameters<typeof ChatPanelView>[0]>) =>
      rerender(
        <div data-theme="light" style={{ background: 'var(--rrk-color-surface)', padding: 16, width: 420 }}>
          <ChatPanelView messages={messages} status="open" peerName="Sam" onSend={() => {}} onRetry={() => {}} {...props} {...extra} />
        </div>,
      );

    log.scrollTop = 0;
    await vi.waitFor(() => expect(onLoadOlder).toHaveBeenCalledOnce());
    again(newer, { history: { status: 'loading', hasMore: true, error: null } });
    expect(log).toHaveTextContent('Loading earlier messages…');

    // The reader looks at a message a little way down while the page loads.
    log.scrollTop = 120;
    await settle(50);
    const watched = screen.getByText(newer[3]!.text).closest('li')!;
    const before = watched.getBoundingClientRect().top;

    again(longConversation, { history: { status: 'loaded', hasMore: false, error: null } });
    expect(log).not.toHaveTextContent('Loading earlier messages…');
    expect(screen.getByText(longConversation[0]!.text)).toBeInTheDocument();
    expect(Math.abs(watched.getBoundingClientRect().top - before)).toBeLessThan(1);
    expect(log.scrollTop).toBeGreaterThan(120);
    // The prepended page did not count as new messages.
    expect(screen.queryByRole('button', { name: /New messages/ })).toBeNull();
  });
});

describe('ChatPanel in Chromium on the ERP chat over REST', () => {
  it('tells the server only the visible received messages are read', async () => {
    // 40 messages from Sam, newest first as the REST API pages them; none read yet.
    const page = Array.from({ length: 40 }, (_, i) => ({ id: 40 - i, sender: 2, message: `Message ${40 - i} from Sam`, timestamp: new Date(Date.UTC(2025, 2, 14, 9, 40 - i)).toISOString(), is_read: false }));
    const posts: { path: string; body: { message_ids?: number[]; conversation_id?: number } }[] = [];
    const fetchStub = async (url: RequestInfo | URL, init?: RequestInit) => {
      const path = new URL(String(url)).pathname;
      if (init?.method === 'POST') posts.push({ path, body: JSON.parse(String(init.body)) });
      const body = path.endsWith('/conversation/2/') ? { conversation_id: 7, has_more: false, other_user: { id: 2, full_name: 'Sam', is_online: true }, messages: page } : {};
      return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
    };
    // A stream that never connects: everything here goes over REST.
    const never: TransportFactory = () => ({ send: () => false, reconnect: () => undefined, close: () => undefined });
    const client = createRealtimeClient({ url: 'http://erp.test/', apiUrl: 'http://erp.test', token: 'tok', fetch: fetchStub as typeof fetch, backends: { chat: { dialect: chatSseDialect, transport: never } } });
    render(
      <RealtimeProvider client={client}>
        <div data-theme="light" style={{ width: 420 }}>
          <ChatPanel peerId={2} />
        </div>
      </RealtimeProvider>,
    );
    await screen.findByText('Message 40 from Sam');
    const markRead = () => posts.filter((p) => p.path === '/api/v1/communication/chats/mark-read/');
    await vi.waitFor(() => expect(markRead()).toHaveLength(1), { timeout: 2000 });
    const ids = markRead()[0]!.body.message_ids!;
    // The newest few, at the bottom where the log opened; not the whole conversation.
    expect(ids).toContain(40);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.length).toBeLessThan(20);
    expect(Math.min(...ids)).toBeGreaterThan(20);
    // Marked read in the view with the store's next frame (not on the server's answer): no longer watched.
    await vi.waitFor(() => expect(screen.getByText('Message 40 from Sam').closest('li')).toHaveAttribute('data-seen', 'true'), { timeout: 1000 });
    expect(screen.getByText('Message 1 from Sam').closest('li')).toHaveAttribute('data-seen', 'false');
    client.dispose();
  });
});

describe('ConversationList beside a ChatPanel in Chromium', () => {
  const inbox = [
    { id: 'c2', peerId: '2', name: 'Sam', username: null, avatar: null, online: true, lastMessage: 'Saturday morning would suit me.', lastMessageAt: new Date().toISOString(), lastMessageByMe: false, unread: 3 },
    { id: 'c3', peerId: '3', name: longPeerName, username: null, avatar: null, online: false, lastMessage: 'Thanks!', lastMessageAt: '2025-01-02T10:00:00Z', lastMessageByMe: true, unread: 0 },
  ];

  it.each(['light', 'dark'] as const)('the inbox with a selected, an unread and a long-named row passes axe with colour contrast (%s theme)', async (theme) => {
    const { container } = render(
      <div data-theme={theme} style={{ background: 'var(--rrk-color-surface)', padding: 16, display: 'grid', gridTemplateColumns: '16rem 1fr', gap: 16, width: 760 }}>
        <ConversationListView conversations={inbox} status="error" error="GET answered 503" onRetry={() => {}} selectedPeerId="2" onSelect={() => {}} />
        <ChatPanelView messages={conversation} status="open" peerName="Sam" online onSend={() => {}} onRetry={() => {}} />
      </div>,
    );
    await expectNoAxeViolations(container, { requireRules: ['color-contrast'] });
    // A long name is truncated inside its row rather than widening the inbox.
    const name = screen.getByText(longPeerName);
    expect(name.scrollWidth).toBeGreaterThan(name.clientWidth);
    const list = container.querySelector<HTMLElement>('.rrk-convlist')!;
    expect(list.scrollWidth).toBeLessThanOrEqual(list.clientWidth + 1);
  });
});
