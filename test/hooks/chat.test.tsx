// @vitest-environment jsdom
import { fireEvent, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { useChat } from 'react-realtime-kit';
import { renderLive, until, useSimulatorServer } from './harness';

const harness = useSimulatorServer();

function Chat({ peer }: { peer: string | number | undefined }) {
  const { messages, status, send, retry, error } = useChat(peer);
  const [text, setText] = useState('');
  return (
    <section data-testid="chat" data-status={status}>
      {error && <p role="alert">{error}</p>}
      <ol role="log">
        {messages.map((m) => (
          <li key={m.clientId} data-state={m.state} data-own={m.own}>
            {m.text}
            {m.state === 'failed' && <button onClick={() => retry(m.clientId)}>retry {m.text}</button>}
            {m.error && <small>{m.error}</small>}
          </li>
        ))}
      </ol>
      <input aria-label="message" value={text} onChange={(e) => setText(e.target.value)} />
      <button onClick={() => { send(text); setText(''); }}>send</button>
    </section>
  );
}

const item = (text: string) => screen.getByText(text).closest('li')!;

describe('useChat', () => {
  it('shows a message at once, marks it sent on the ack, and merges the reply in time order', async () => {
    renderLive(harness, <Chat peer={2} />, { token: 'demo' });
    fireEvent.change(screen.getByLabelText('message'), { target: { value: 'Is the flat still free?' } });
    fireEvent.click(screen.getByText('send'));
    expect(['queued', 'sending']).toContain(item('Is the flat still free?').dataset.state);
    await until(() => item('Is the flat still free?').dataset.state === 'sent', 'the ack');
    await until(() => screen.getByRole('log').querySelectorAll('li[data-own="false"]').length === 1, "the bot's reply");
    const order = [...screen.getByRole('log').querySelectorAll('li')].map((li) => li.dataset.own);
    expect(order).toEqual(['true', 'false']);
    const stored = harness.simulator.world.messages.at(-2)!;
    expect(stored).toMatchObject({ sender_id: 1, receiver_id: 2, message: 'Is the flat still free?' });
  });

  it('marks a refused message failed with the server error, and retries it under the same id', async () => {
    renderLive(harness, <Chat peer={999} />, { token: 'demo' });
    await until(() => screen.getByTestId('chat').dataset.status === 'open', 'open');
    fireEvent.change(screen.getByLabelText('message'), { target: { value: 'hello?' } });
    fireEvent.click(screen.getByText('send'));
    await until(() => item('hello?').dataset.state === 'failed', 'the failure');
    expect(item('hello?').textContent).toContain('Failed to send message. Receiver not found.');
    fireEvent.click(screen.getByText('retry hello?'));
    expect(['queued', 'sending']).toContain(item('hello?').dataset.state);
    await until(() => item('hello?').dataset.state === 'failed', 'failed again');
    expect(screen.getAllByText('hello?')).toHaveLength(1);
  });

  it('keeps messages typed offline queued, and sends them in order when the socket is back', async () => {
    renderLive(harness, <Chat peer={2} />, { token: 'demo' });
    await until(() => screen.getByTestId('chat').dataset.status === 'open', 'open');
    harness.server.faults.refuseHandshakes(403);
    harness.server.faults.dropAll();
    await until(() => screen.getByTestId('chat').dataset.status === 'reconnecting', 'offline');
    for (const text of ['first offline', 'second offline']) {
      fireEvent.change(screen.getByLabelText('message'), { target: { value: text } });
      fireEvent.click(screen.getByText('send'));
      expect(item(text).dataset.state).toBe('queued');
    }
    harness.server.faults.refuseHandshakes(null);
    await until(() => item('first offline').dataset.state === 'sent' && item('second offline').dataset.state === 'sent', 'both sent');
    const texts = harness.simulator.world.messages.filter((m) => String(m.sender_id) === '1').map((m) => m.message);
    expect(texts.slice(-2)).toEqual(['first offline', 'second offline']);
  });

  it('returns an error for an empty peer id and opens nothing', () => {
    renderLive(harness, <Chat peer="" />, { token: 'demo' });
    expect(screen.getByRole('alert').textContent).toBe('useChat needs a peer id: the id of the user to talk to.');
    expect(harness.simulator.sessions()).toEqual([]);
  });
});
