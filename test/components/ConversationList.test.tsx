// @vitest-environment jsdom
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState, type ComponentProps } from 'react';
import { ChatPanel, ConversationList, ConversationListView, chatSseDialect, createRealtimeClient, RealtimeProvider, type ChatConversation, type ChatEvent, type RealtimeClient, type TransportFactory } from 'react-realtime-kit';
import { expectNoAxeViolations } from '../helpers/expectNoAxeViolations';

const now = new Date(2025, 2, 14, 15, 0);
const local = (day: number, hour: number, minute = 0) => new Date(2025, 2, day, hour, minute).toISOString();

function conversationWith(peerId: string, name: string, extra: Partial<ChatConversation> = {}): ChatConversation {
  return { id: `c${peerId}`, peerId, name, username: null, avatar: null, online: null, lastMessage: 'Hello', lastMessageAt: local(14, 9, 30), lastMessageByMe: false, unread: 0, ...extra };
}

const inbox: ChatConversation[] = [
  conversationWith('2', 'Jane Doe', { online: true, lastMessage: 'See you at ten', unread: 3 }),
  conversationWith('3', 'John Smith', { online: false, lastMessage: 'Thanks!', lastMessageByMe: true, lastMessageAt: local(12, 18) }),
  conversationWith('4', 'Priya Patel', { lastMessage: null, lastMessageAt: null }),
];

type ViewProps = ComponentProps<typeof ConversationListView>;

function renderView(props: Partial<ViewProps> = {}) {
  const onSelect = vi.fn();
  const onRetry = vi.fn();
  const result = render(<ConversationListView conversations={inbox} status="loaded" onSelect={onSelect} onRetry={onRetry} now={now} locale="en-GB" {...props} />);
  return { ...result, onSelect, onRetry };
}

const row = (name: string) => screen.getByRole('button', { name: new RegExp(`^${name}`) });

describe('ConversationListView', () => {
  it('lists each conversation as a button: name, presence, last message, time and unread count', () => {
    renderView();
    const list = screen.getByRole('list');
    expect(within(list).getAllByRole('listitem')).toHaveLength(3);
    const jane = row('Jane Doe');
    expect(jane).toHaveTextContent('See you at ten');
    expect(jane).toHaveTextContent('3 unread');
    expect(jane).toHaveTextContent('online');
    expect(jane.querySelector('time')).toHaveTextContent(/^0?9:30$/);
    const john = row('John Smith');
    expect(john).toHaveTextContent('You: Thanks!');
    expect(john).toHaveTextContent('offline');
    expect(john).not.toHaveTextContent('unread');
    expect(john.querySelector('time')).toHaveTextContent('Wed');
    const priya = row('Priya Patel');
    expect(priya).toHaveTextContent('No messages yet');
    expect(priya).not.toHaveTextContent(/online|offline/);
    expect(screen.getByRole('region', { name: 'Conversations' })).toHaveTextContent('3 unread');
  });

  it('calls onSelect with the peer id and marks the selected row with aria-current', async () => {
    const { onSelect, rerender } = renderView({ selectedPeerId: 3 });
    expect(row('John Smith')).toHaveAttribute('aria-current', 'true');
    expect(row('Jane Doe')).not.toHaveAttribute('aria-current');
    await userEvent.click(row('Jane Doe'));
    expect(onSelect).toHaveBeenCalledExactlyOnceWith('2');
    rerender(<ConversationListView conversations={inbox} status="loaded" onSelect={onSelect} now={now} selectedPeerId="2" />);
    expect(row('Jane Doe')).toHaveAttribute('aria-current', 'true');
    expect(row('John Smith')).not.toHaveAttribute('aria-current');
  });

  it('caps the badge at 99+ but says the real count', () => {
    renderView({ conversations: [conversationWith('5', 'Busy Channel', { unread: 150 })] });
    expect(row('Busy Channel')).toHaveTextContent('99+');
    expect(row('Busy Channel')).toHaveTextContent('150 unread');
  });

  it('says it is loading, then that there are no conversations yet', () => {
    const { rerender, onSelect } = renderView({ conversations: [], status: 'loading' });
    expect(screen.getByRole('region')).toHaveTextContent('Loading conversations…');
    expect(screen.getByRole('region')).toHaveAttribute('aria-busy', 'true');
    rerender(<ConversationListView conversations={[]} status="loaded" onSelect={onSelect} />);
    expect(screen.getByRole('region')).toHaveTextContent('No conversations yet');
    expect(screen.getByRole('region')).toHaveAttribute('data-state', 'empty');
  });

  it('shows a failed load with Retry, and a failed refresh above the rows it keeps', async () => {
    const { onRetry, rerender } = renderView({ conversations: [], status: 'error', error: 'GET conversations answered 503' });
    expect(screen.getByRole('alert')).toHaveTextContent('Could not load the conversations: GET conversations answered 503');
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(onRetry).toHaveBeenCalledOnce();
    rerender(<ConversationListView conversations={inbox} status="error" error="offline" onSelect={vi.fn()} onRetry={onRetry} />);
    expect(screen.getByRole('alert')).toHaveTextContent('Could not refresh the conversations: offline');
    expect(screen.getAllByRole('listitem')).toHaveLength(3);
  });

  it('says when the server has no conversation list', () => {
    renderView({ conversations: [], status: 'idle', supported: false });
    expect(screen.getByRole('region')).toHaveTextContent('Conversations are not supported by this server.');
    expect(screen.queryByRole('list')).toBeNull();
  });

  it.each([
    ['the inbox', {}],
    ['a selected row', { selectedPeerId: '2' }],
    ['the error', { conversations: [], status: 'error' as const, error: 'boom' }],
    ['the empty state', { conversations: [] }],
  ])('%s has no axe violations', async (_, props) => {
    const { container } = renderView(props);
    await expectNoAxeViolations(container);
  });
});

/** A client whose chat goes over REST (the ERP's SSE dialect) on a stream that never opens; `fetch` answers the inbox. */
function restChatClient(answer: () => unknown): { client: RealtimeClient; gets: string[]; dispatch(event: ChatEvent): Promise<void> } {
  const never: TransportFactory = () => ({ send: () => false, reconnect: () => undefined, close: () => undefined });
  const gets: string[] = [];
  const fetchStub = async (url: RequestInfo | URL) => {
    gets.push(new URL(String(url)).pathname);
    const body = answer();
    if (body instanceof Error) return new Response(JSON.stringify({ detail: body.message }), { status: 503 });
    return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
  };
  const client = createRealtimeClient({ url: 'http://erp.test/', apiUrl: 'http://erp.test', token: 'tok', fetch: fetchStub as typeof fetch, backends: { chat: { dialect: chatSseDialect, transport: never } } });
  return {
    client,
    gets,
    dispatch: (event) =>
      act(async () => {
        client.dispatch({ endpoint: 'chat', event });
        client.flush();
      }),
  };
}

const serverInbox = [
  { conversation_id: 10, other_user: { id: 2, full_name: 'Jane Doe', is_online: true }, last_message: 'See you at ten', last_message_at: '2025-03-14T09:30:00Z', last_message_by_me: false, unread_count: 2 },
  { conversation_id: 11, other_user: { id: 3, username: 'john', is_online: false }, last_message: 'Thanks!', last_message_at: '2025-03-12T18:00:00Z', last_message_by_me: true, unread_count: 0 },
];

describe('ConversationList (connected)', () => {
  let clients: RealtimeClient[] = [];
  afterEach(() => {
    act(() => clients.forEach((c) => c.dispose()));
    clients = [];
  });

  it('loads the inbox and follows new messages and reads as the store gets them', async () => {
    const { client, gets, dispatch } = restChatClient(() => serverInbox);
    clients.push(client);
    const onSelect = vi.fn();
    render(<RealtimeProvider client={client}><ConversationList onSelect={onSelect} pollInterval={false} /></RealtimeProvider>);
    expect(screen.getByRole('region', { name: 'Conversations' })).toHaveTextContent('Loading conversations…');
    await waitFor(() => expect(row('Jane Doe')).toHaveTextContent('2 unread'));
    expect(gets).toEqual(['/api/v1/communication/chats/conversations/']);
    expect(row('john')).toHaveTextContent('You: Thanks!');

    await dispatch({ kind: 'chat/received', message: { id: '90', clientId: 'srv:90', peerId: '3', own: false, senderName: 'john', text: 'Are you in?', attachment: null, timestamp: '2025-03-14T10:00:00Z', state: 'received' } });
    // Newest first: John's conversation moves to the top, with the new message and one unread.
    const rows = screen.getAllByRole('button');
    expect(rows[0]).toHaveTextContent(/^john/);
    expect(rows[0]).toHaveTextContent('Are you in?');
    expect(rows[0]).toHaveTextContent('1 unread');

    await dispatch({ kind: 'chat/seen', peerId: '3', serverIds: ['90'] });
    expect(row('john')).not.toHaveTextContent('unread');
    await dispatch({ kind: 'chat/presence', online: { '2': false } });
    expect(row('Jane Doe')).toHaveTextContent('offline');

    await userEvent.click(row('Jane Doe'));
    expect(onSelect).toHaveBeenCalledWith('2');
  });

  it('shows a failed load with Retry, which loads it again', async () => {
    let answer: unknown = new Error('Service unavailable');
    const { client, gets } = restChatClient(() => answer);
    clients.push(client);
    render(<RealtimeProvider client={client}><ConversationList onSelect={vi.fn()} pollInterval={false} /></RealtimeProvider>);
    expect(await screen.findByRole('alert')).toHaveTextContent(/Could not load the conversations: .*503/);
    answer = serverInbox;
    const before = gets.length;
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(2));
    expect(gets.length).toBeGreaterThan(before);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says the documented WebSocket chat has no conversation list', () => {
    const client = createRealtimeClient({ url: 'ws://127.0.0.1:9' });
    clients.push(client);
    render(<RealtimeProvider client={client}><ConversationList onSelect={vi.fn()} /></RealtimeProvider>);
    expect(screen.getByRole('region', { name: 'Conversations' })).toHaveTextContent('Conversations are not supported by this server.');
  });

  it('composes with ChatPanel: choosing a conversation opens it', async () => {
    const { client } = restChatClient(() => serverInbox);
    clients.push(client);
    function Inbox() {
      const [peer, setPeer] = useState<string | undefined>(undefined);
      return (
        <RealtimeProvider client={client}>
          <ConversationList selectedPeerId={peer} onSelect={setPeer} pollInterval={false} />
          {peer ? <ChatPanel peerId={peer} /> : null}
        </RealtimeProvider>
      );
    }
    render(<Inbox />);
    await userEvent.click(await screen.findByRole('button', { name: /^Jane Doe/ }));
    expect(row('Jane Doe')).toHaveAttribute('aria-current', 'true');
    // The inbox told the chat the peer's name.
    expect(screen.getByRole('region', { name: 'Chat with Jane Doe' })).toBeInTheDocument();
    // A half-written message belongs to its conversation: another one opens with an empty composer.
    await userEvent.type(screen.getByRole('textbox', { name: 'Message to Jane Doe' }), 'half a thought');
    await userEvent.click(row('john'));
    expect(row('john')).toHaveAttribute('aria-current', 'true');
    expect(screen.getByRole('textbox', { name: 'Message to john' })).toHaveValue('');
  });
});
