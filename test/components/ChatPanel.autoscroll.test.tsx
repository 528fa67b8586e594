// @vitest-environment jsdom
// ChatPanel: autoscroll (jsdom has no layout, so the log's sizes are defined by hand) and the
// connected component on a real client whose server is unreachable.
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ComponentProps } from 'react';
import { ChatPanel, ChatPanelView, createRealtimeClient, RealtimeProvider } from 'react-realtime-kit';
import { chatPeer, conversation } from '../fixtures/chat';

type ViewProps = ComponentProps<typeof ChatPanelView>;

function renderView(props: Partial<ViewProps> = {}) {
  const handlers = { onSend: vi.fn(), onRetry: vi.fn() };
  const result = render(<ChatPanelView messages={conversation} status="open" peerName={chatPeer.name} {...handlers} {...props} />);
  return { ...handlers, rerenderView: (next: Partial<ViewProps>) => result.rerender(<ChatPanelView messages={conversation} status="open" peerName={chatPeer.name} {...handlers} {...props} {...next} />) };
}

const messageItem = (text: string) => screen.getByText(text).closest('li')!;
const input = () => screen.getByRole('textbox', { name: `Message to ${chatPeer.name}` });

describe('ChatPanelView autoscroll', () => {
  function fakeLayout(log: HTMLElement, scrollHeight: number) {
    let top = 0;
    Object.defineProperty(log, 'clientHeight', { configurable: true, value: 200 });
    Object.defineProperty(log, 'scrollHeight', { configurable: true, value: scrollHeight });
    Object.defineProperty(log, 'scrollTop', { configurable: true, get: () => top, set: (v: number) => (top = v) });
  }

  it('follows new messages while at the bottom, and waits with a button after the user scrolls up', async () => {
    const { rerenderView, onSend } = renderView({ messages: conversation.slice(0, 3) });
    const log = screen.getByRole('log');
    fakeLayout(log, 1000);
    rerenderView({ messages: conversation.slice(0, 4) });
    expect(log.scrollTop).toBe(1000);

    log.scrollTop = 300; // the user scrolls up to read
    fireEvent.scroll(log);
    rerenderView({ messages: conversation.slice(0, 5) });
    expect(log.scrollTop).toBe(300);
    const jump = screen.getByRole('button', { name: /New messages/ });

    await userEvent.click(jump);
    expect(log.scrollTop).toBe(1000);
    expect(screen.queryByRole('button', { name: /New messages/ })).toBeNull();

    log.scrollTop = 100;
    fireEvent.scroll(log);
    await userEvent.type(input(), 'mine{Enter}'); // sending your own message jumps back down
    expect(onSend).toHaveBeenCalled();
    expect(log.scrollTop).toBe(1000);
  });

  it('does not offer the button when only an old message changes state', () => {
    const { rerenderView } = renderView();
    const log = screen.getByRole('log');
    fakeLayout(log, 1000);
    log.scrollTop = 0;
    fireEvent.scroll(log);
    rerenderView({ messages: conversation.map((m) => (m.state === 'sending' ? { ...m, state: 'sent' as const } : m)) });
    expect(screen.queryByRole('button', { name: /New messages/ })).toBeNull();
  });
});

describe('ChatPanel (connected)', () => {
  it('shows the hook error for a missing peer id and disables the input', () => {
    const client = createRealtimeClient({ url: 'ws://127.0.0.1:9' });
    render(<RealtimeProvider client={client}><ChatPanel peerId={undefined} /></RealtimeProvider>);
    expect(screen.getByRole('alert')).toHaveTextContent('useChat needs a peer id');
    expect(screen.getByRole('textbox')).toBeDisabled();
    client.dispose();
  });

  it('queues a message typed while the server is unreachable, and says so', async () => {
    const client = createRealtimeClient({ url: 'ws://127.0.0.1:9', reconnect: { minDelay: 50, maxDelay: 100 } });
    render(<RealtimeProvider client={client}><ChatPanel peerId={2} peerName="Sam" /></RealtimeProvider>);
    await userEvent.type(input(), 'are you there?{Enter}');
    await waitFor(() => expect(messageItem('are you there?')).toHaveAttribute('data-state', 'queued'));
    expect(messageItem('are you there?')).toHaveTextContent('Waiting for connection');
    expect(screen.getByText(/Offline — messages will be sent/)).toBeInTheDocument();
    act(() => client.dispose());
  });
});
