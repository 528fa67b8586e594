// @vitest-environment jsdom
import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ComponentProps } from 'react';
import { ChatPanelView } from 'react-realtime-kit';
import { attachmentConversation, chatPeer, conversation, longNameConversation, longPeerName, messagesByState, receivedMessage, safeAttachments, unsafeAttachments } from '../fixtures/chat';
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
  it('is a labelled polite log of messages, own and received told apart by text, side and data-own', () => {
    renderView();
    const log = screen.getByRole('log', { name: 'Messages with Sam' });
    expect(log).toHaveAttribute('aria-live', 'polite');
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

  it.each(['reconnecting', 'closed', 'connecting', 'failed'] as const)('keeps the input working while %s, with the offline hint', async (status) => {
    const { onSend } = renderView({ status });
    const hint = screen.getByText('Offline — messages will be sent when the connection is back');
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
    const plan = screen.getByRole('img', { name: 'Attachment: floor-plan.png' });
    expect(plan).toHaveAttribute('src', safeAttachments.image);
    expect(screen.getByRole('img', { name: 'Attachment: kitchen view.jpg' })).toHaveAttribute('src', safeAttachments.relativeImage);
    const lease = screen.getByRole('link', { name: /lease-agreement\.pdf/ });
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
