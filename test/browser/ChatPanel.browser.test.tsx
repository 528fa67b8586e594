// ChatPanel in real Chromium with the shipped CSS: axe can compute colour contrast here
// (jsdom cannot), and layout is real: sides, wrapping, scrolling and the "New messages" button.
import { fireEvent, render, screen } from '@testing-library/react';
import '../../src/styles.css';
import { ChatPanelView, type ChatMessage } from 'react-realtime-kit';
import { attachmentConversation, conversation, longConversation, longNameConversation, longPeerName, receivedMessage } from '../fixtures/chat';
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
