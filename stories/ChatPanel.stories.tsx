import { useState } from 'react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { ChatPanel, ChatPanelView, type ChatHistoryState, type ChatMessage } from 'react-realtime-kit';
import { attachmentConversation, chatPeer, conversation, hugeConversation, longConversation, longNameConversation, longPeerName, messagesByState, ownMessage, receivedMessage, unsafeAttachments } from '../test/fixtures/chat';
import { withLiveSimulator } from './support/LiveSimulator';

const meta = {
  title: 'Components/ChatPanel',
  component: ChatPanelView,
  tags: ['autodocs'],
  args: { messages: conversation, status: 'open', peerName: chatPeer.name, onSend: fn(), onRetry: fn(), onReconnect: fn() },
  argTypes: {
    status: { control: 'select', options: ['idle', 'connecting', 'open', 'reconnecting', 'closed', 'failed'] },
    attempt: { control: { type: 'number', min: 0 } },
    peerName: { control: 'text' },
    locale: { control: 'select', options: [undefined, 'en-US', 'en-GB', 'th-TH', 'de-DE'] },
    error: { control: 'text' },
    connectionError: { control: 'text' },
    online: { control: 'select', options: [null, true, false] },
    history: { control: 'object' },
    typing: { control: 'object' },
    placeholder: { control: 'text' },
    unstyled: { control: 'boolean' },
    messages: { control: false },
  },
  parameters: {
    docs: {
      description: {
        component:
          'A one-to-one chat (`ChatPanel peerId` wires it to `useChat`). The list is a `role="log"`; own messages say "You" and sit on the right, ' +
          'with their delivery state as icon + text (queued, sending, sent, failed with Retry). It keeps working offline: messages queue. ' +
          'Attachments render only for http(s) or relative URLs. Enter sends, Shift+Enter adds a line. ' +
          'On today\'s ERP chat (SSE + REST) it also shows read receipts (✓ sent / delivered, ✓✓ read, always with the word), ' +
          '"Sam is typing…" in a polite status line, the peer\'s presence, and loads earlier messages on scrolling to the top ' +
          '(keeping your place); received messages are marked read once they are actually visible.',
      },
    },
  },
  render: (args) => (
    <div style={{ maxInlineSize: '32rem' }}>
      <ChatPanelView {...args} />
    </div>
  ),
} satisfies Meta<typeof ChatPanelView>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The real thing on the in-browser simulator: you are `demo`, chatting with `sam`, a bot that answers. */
export const Live: Story = {
  decorators: [withLiveSimulator({ token: 'demo', rate: 0 })],
  render: () => (
    <div style={{ maxInlineSize: '32rem' }}>
      <ChatPanel peerId={2} peerName="Sam" />
    </div>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getByRole('region')).toHaveAttribute('data-connection', 'open'), { timeout: 5000 });
    await userEvent.type(canvas.getByRole('textbox'), 'Hello Sam, is the flat free?{Enter}');
    const log = canvas.getByRole('log');
    await expect(within(log).getByText('Hello Sam, is the flat free?')).toBeVisible();
    await waitFor(() => expect(within(log).getByText('Hello Sam, is the flat free?').closest('li')).toHaveAttribute('data-state', 'sent'), { timeout: 5000 });
    await waitFor(() => expect(log.querySelector('li[data-own="false"]')).not.toBeNull(), { timeout: 5000 });
  },
};

/** Own and received messages in every delivery state. Enter sends (see the Actions panel). */
export const Conversation: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByRole('textbox'), 'See you Saturday{Enter}');
    await expect(args.onSend).toHaveBeenCalledWith('See you Saturday', {});
    await expect(canvas.getByRole('textbox')).toHaveValue('');
  },
};

export const Loading: Story = { args: { messages: [], status: 'connecting' } };
export const Empty: Story = {
  args: { messages: [] },
  play: async ({ canvasElement }) => expect(within(canvasElement).getByRole('log')).toHaveTextContent('No messages yet — say hello'),
};
export const LongConversation: Story = { args: { messages: longConversation } };

/**
 * 10,000 messages: past `virtualizeAfter` (100) only the messages in and near view are in the
 * DOM, measured as they scroll in. It opens at the newest; scroll up (or PageUp in the log) for older ones.
 */
export const TenThousandMessages: Story = {
  args: { messages: hugeConversation },
  play: async ({ canvasElement }) => {
    const log = within(canvasElement).getByRole('log');
    await waitFor(() => expect(within(log).getByText('Message 9999 from Sam')).toBeVisible());
    await expect(within(log).getAllByRole('listitem').length).toBeLessThan(60);
  },
};
export const LongNames: Story = { args: { messages: longNameConversation, peerName: longPeerName } };

/** A refused message shows the server's reason and a Retry button. */
export const FailedMessage: Story = {
  args: { messages: [receivedMessage(1, 'Are you coming?'), messagesByState.failed] },
  play: async ({ canvasElement, args }) => {
    await userEvent.click(within(canvasElement).getByRole('button', { name: /^Retry/ }));
    await expect(args.onRetry).toHaveBeenCalledWith(messagesByState.failed.clientId);
  },
};

/** Offline: the input still works; messages wait in the queue. */
export const Offline: Story = {
  args: { status: 'closed', messages: [...conversation.slice(0, 3), messagesByState.queued] },
  play: async ({ canvasElement }) => expect(within(canvasElement).getByText(/Offline — messages will be sent/)).toBeVisible(),
};
export const Reconnecting: Story = { args: { status: 'reconnecting', attempt: 3 } };
export const ConnectionFailed: Story = { args: { status: 'failed', messages: [] } };
export const BadPeer: Story = { args: { messages: [], status: 'idle', error: 'useChat needs a peer id: the id of the user to talk to.' } };
export const Attachments: Story = { args: { messages: attachmentConversation } };

/** Hostile attachment URLs from the wire: none becomes a link or an image. */
export const UnsafeAttachment: Story = {
  args: { messages: unsafeAttachments.map((url, i) => receivedMessage(i, `Attachment ${i}`, { attachment: url })) },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelectorAll('.rrk-chat a, .rrk-chat img')).toHaveLength(0);
    await expect(within(canvasElement).getAllByText(/Attachment blocked/)).toHaveLength(unsafeAttachments.length);
  },
};

export const DarkTheme: Story = { globals: { theme: 'dark' }, args: { messages: [...conversation, ...attachmentConversation.slice(0, 2)], status: 'reconnecting' } };

/** Receipts on own messages: one tick for sent and delivered, two for read, each with its word. */
export const ReadReceipts: Story = {
  args: {
    online: true,
    messages: [
      receivedMessage(1, 'Did you get the floor plan?'),
      ownMessage(2, 'read', 'Yes, thanks — it looks great.', { id: 's2', readAt: '2025-03-14T09:03:00Z' }),
      ownMessage(3, 'delivered', 'Is the balcony south-facing?', { id: 's3' }),
      ownMessage(4, 'sent', 'And is parking included?', { id: 's4' }),
    ],
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText('Yes, thanks — it looks great.').closest('li')).toHaveTextContent('Read');
    await expect(canvas.getByText('Is the balcony south-facing?').closest('li')).toHaveTextContent('Delivered');
    await expect(canvas.getByText('And is parking included?').closest('li')).toHaveTextContent('Sent');
  },
};

/** The peer is typing: said once in a polite status line. Typing in the box reports `onTyping(true)`. */
export const Typing: Story = {
  args: { online: true, typing: { name: 'Sam', at: Date.now() }, onTyping: fn() },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('status')).toHaveTextContent('Sam is typing…');
    await userEvent.type(canvas.getByRole('textbox'), 'On my way');
    await expect(args.onTyping).toHaveBeenLastCalledWith(true);
  },
};

/** Presence next to the name: a filled dot and "online", or a hollow one and "offline". */
export const PeerOffline: Story = { args: { online: false } };

/** An older page is on its way: a row at the top of the log. */
export const HistoryLoading: Story = {
  args: { history: { status: 'loading', hasMore: true, error: null }, onLoadOlder: fn() },
  play: async ({ canvasElement }) => expect(within(canvasElement).getByRole('log')).toHaveTextContent('Loading earlier messages…'),
};

/** An older page failed: the reason and Retry at the top of the log. */
export const HistoryError: Story = {
  args: { history: { status: 'error', hasMore: true, error: 'GET /api/v1/communication/chats/conversation/2/ answered 503: Service unavailable' }, onLoadOlder: fn() },
  play: async ({ canvasElement, args }) => {
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Retry loading earlier messages' }));
    await expect(args.onLoadOlder).toHaveBeenCalled();
  },
};

const pages = [longConversation.slice(40), longConversation.slice(20, 40), longConversation.slice(0, 20)];

/** Scroll to the top: the earlier page loads (after a pretend 600 ms) and what you were reading stays in place. */
export const EarlierMessagesOnScroll: Story = {
  render: (args) => {
    function Pager() {
      const [loaded, setLoaded] = useState(1);
      const [history, setHistory] = useState<ChatHistoryState>({ status: 'loaded', hasMore: true, error: null });
      const messages: ChatMessage[] = pages.slice(0, loaded).reverse().flat();
      const loadOlder = () => {
        setHistory({ status: 'loading', hasMore: true, error: null });
        setTimeout(() => {
          setLoaded((n) => n + 1);
          setHistory({ status: 'loaded', hasMore: loaded + 1 < pages.length, error: null });
        }, 600);
      };
      return <ChatPanelView {...args} messages={messages} history={history} onLoadOlder={loadOlder} />;
    }
    return (
      <div style={{ maxInlineSize: '32rem' }}>
        <Pager />
      </div>
    );
  },
};

/** The stream dropped and the server said why (the ERP's SSE error event): the reason shows with the offline hint. */
export const OfflineWithReason: Story = {
  args: { status: 'reconnecting', attempt: 2, connectionError: 'Redis not available', messages: [...conversation.slice(0, 3), messagesByState.queued] },
  play: async ({ canvasElement }) => expect(within(canvasElement).getByText(/Reason: Redis not available/)).toBeVisible(),
};

/** The server refused the token until the client gave up: a clear alert, the reason and Try again. */
export const TokenRefused: Story = {
  args: { status: 'failed', connectionError: 'chat: the server refused the credentials 3 times in a row (Invalid token). Check the token, then call client.reconnect().' },
  play: async ({ canvasElement, args }) => {
    const alert = within(canvasElement).getByRole('alert');
    await expect(alert).toHaveTextContent('Could not connect to the chat');
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    await expect(args.onReconnect).toHaveBeenCalled();
  },
};
