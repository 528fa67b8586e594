import { useState } from 'react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { ChatPanelView, ConversationListView, type ChatConversation, type ChatMessage } from 'react-realtime-kit';
import { conversation, longConversation, longPeerName, ownMessage, receivedMessage } from '../test/fixtures/chat';

const now = new Date();
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000).toISOString();
const daysAgo = (d: number) => new Date(now.getTime() - d * 24 * 3600_000).toISOString();

function inboxEntry(peerId: string, name: string, extra: Partial<ChatConversation> = {}): ChatConversation {
  return { id: `c${peerId}`, peerId, name, username: null, avatar: null, online: null, lastMessage: null, lastMessageAt: null, lastMessageByMe: false, unread: 0, ...extra };
}

const inbox: ChatConversation[] = [
  inboxEntry('2', 'Sam', { online: true, lastMessage: 'Saturday morning would suit me.', lastMessageAt: minutesAgo(4), unread: 2 }),
  inboxEntry('3', 'Jane Doe', { online: false, lastMessage: 'Thanks, see you then!', lastMessageAt: minutesAgo(90), lastMessageByMe: true }),
  inboxEntry('4', longPeerName, { online: true, lastMessage: 'Here is the lease agreement with the changes we talked about on the phone.', lastMessageAt: daysAgo(2), unread: 120 }),
  inboxEntry('5', 'Priya Patel', { lastMessage: '[Attachment]', lastMessageAt: daysAgo(40) }),
  inboxEntry('6', 'New contact'),
];

const meta = {
  title: 'Components/ConversationList',
  component: ConversationListView,
  tags: ['autodocs'],
  args: { conversations: inbox, status: 'loaded', selectedPeerId: '3', onSelect: fn(), onRetry: fn() },
  argTypes: {
    status: { control: 'select', options: ['idle', 'loading', 'loaded', 'error'] },
    supported: { control: 'boolean' },
    error: { control: 'text' },
    selectedPeerId: { control: 'text' },
    title: { control: 'text' },
    locale: { control: 'select', options: [undefined, 'en-US', 'en-GB', 'th-TH', 'de-DE'] },
    unstyled: { control: 'boolean' },
    conversations: { control: false },
    now: { control: false },
  },
  parameters: {
    docs: {
      description: {
        component:
          'The chat inbox (`ConversationList` wires it to `useConversations`, on servers with a conversation list: today\'s ERP chat over SSE + REST). ' +
          'Each conversation is a button with the name, presence (dot plus words), the last message ("You: …" when yours), a short time and the unread count ' +
          '("3 unread" to screen readers); the open one has `aria-current`. Give `onSelect` and `selectedPeerId` the peer id that `<ChatPanel peerId>` takes.',
      },
    },
  },
  render: (args) => (
    <div style={{ maxInlineSize: '22rem' }}>
      <ConversationListView {...args} />
    </div>
  ),
} satisfies Meta<typeof ConversationListView>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Unread rows are bold and badged; the selected one is outlined. Choosing a row calls `onSelect` with the peer id. */
export const Inbox: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('button', { name: /^Sam/ })).toHaveTextContent('2 unread');
    await expect(canvas.getByRole('button', { name: /^Jane Doe/ })).toHaveAttribute('aria-current', 'true');
    await userEvent.click(canvas.getByRole('button', { name: /^Sam/ }));
    await expect(args.onSelect).toHaveBeenCalledWith('2');
  },
};

export const Loading: Story = { args: { conversations: [], status: 'loading' } };
export const Empty: Story = {
  args: { conversations: [] },
  play: async ({ canvasElement }) => expect(within(canvasElement).getByRole('region')).toHaveTextContent('No conversations yet'),
};

/** The first load failed: the reason and Retry. */
export const LoadError: Story = {
  args: { conversations: [], status: 'error', error: 'GET /api/v1/communication/chats/conversations/ answered 503: Service unavailable' },
  play: async ({ canvasElement, args }) => {
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Retry' }));
    await expect(args.onRetry).toHaveBeenCalled();
  },
};

/** A refresh failed: the rows stay, with the reason and Retry above them. */
export const RefreshError: Story = { args: { status: 'error', error: 'the request timed out after 15000 ms' } };

/** The documented WebSocket chat has no conversation list. */
export const NotSupported: Story = { args: { conversations: [], status: 'idle', supported: false } };

export const DarkTheme: Story = { globals: { theme: 'dark' } };

const threads: Record<string, ChatMessage[]> = {
  '2': conversation,
  '3': [receivedMessage(1, 'Is Thursday fine for the viewing?', { peerId: '3', senderName: 'Jane Doe' }), ownMessage(2, 'read', 'Thanks, see you then!', { id: 's2', peerId: '3' })],
  '4': longConversation.slice(0, 12),
  '5': [],
  '6': [],
};

/** The inbox beside a chat, as an app composes `<ConversationList>` and `<ChatPanel peerId>`: choosing a row opens it and clears its badge. */
export const WithChatPanel: Story = {
  render: (args) => {
    function Messenger() {
      const [peer, setPeer] = useState('2');
      const [items, setItems] = useState(inbox);
      const open = items.find((c) => c.peerId === peer)!;
      const select = (peerId: string) => {
        setPeer(peerId);
        setItems((list) => list.map((c) => (c.peerId === peerId ? { ...c, unread: 0 } : c)));
        args.onSelect(peerId);
      };
      return (
        <div style={{ display: 'grid', gridTemplateColumns: 'minmax(14rem, 20rem) minmax(18rem, 32rem)', gap: '1rem', alignItems: 'start' }}>
          <ConversationListView {...args} conversations={items} selectedPeerId={peer} onSelect={select} />
          <ChatPanelView messages={threads[peer] ?? []} status="open" peerName={open.name} online={open.online} onSend={fn()} onRetry={fn()} />
        </div>
      );
    }
    return <Messenger />;
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: /^Jane Doe/ }));
    await expect(canvas.getByRole('region', { name: 'Chat with Jane Doe' })).toBeVisible();
    await expect(canvas.getByRole('button', { name: /^Jane Doe/ })).toHaveAttribute('aria-current', 'true');
  },
};
