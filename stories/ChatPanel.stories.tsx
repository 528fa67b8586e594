import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { ChatPanel, ChatPanelView } from 'react-realtime-kit';
import { attachmentConversation, chatPeer, conversation, longConversation, longNameConversation, longPeerName, messagesByState, receivedMessage, unsafeAttachments } from '../test/fixtures/chat';
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
          'Attachments render only for http(s) or relative URLs. Enter sends, Shift+Enter adds a line.',
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
